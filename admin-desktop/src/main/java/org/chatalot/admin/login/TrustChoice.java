package org.chatalot.admin.login;

/** The trust options as the form offers them; "pinned" needs a reviewed certificate. */
public enum TrustChoice {
    SYSTEM("System certificate authorities"),
    CA_FILE("Private CA (PEM file)"),
    PINNED("Pinned certificate");

    private final String label;

    TrustChoice(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
