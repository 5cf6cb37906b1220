package org.chatalot.server.config;

/** A configured secret: its value never appears in logs or toString output. */
public record Secret(String value) {

    @Override
    public String toString() {
        return "****";
    }
}
