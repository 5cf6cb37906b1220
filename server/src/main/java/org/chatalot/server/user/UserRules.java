package org.chatalot.server.user;

import java.util.Set;
import java.util.regex.Pattern;

import org.chatalot.server.common.Text;
import org.chatalot.server.error.InvalidInput;

/** The shape of usernames, display names and emails, checked the same way everywhere. */
public final class UserRules {
    public static final int USERNAME_MIN = 3;
    public static final int USERNAME_MAX = 32;
    public static final int DISPLAY_NAME_MAX = 64;
    public static final int EMAIL_MAX = 254;
    public static final int STATUS_TEXT_MAX = 100;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern EMAIL = Pattern.compile(
            "[^\\s@\"<>()\\[\\],;:\\\\]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Set<String> RESERVED = Set.of("deleted-user", "system", "chatalot");

    private UserRules() {
    }

    public static String username(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("username", "required");
        }
        if (value.length() < USERNAME_MIN || value.length() > USERNAME_MAX) {
            throw new InvalidInput("username", "must be " + USERNAME_MIN + "-" + USERNAME_MAX + " characters");
        }
        if (!USERNAME.matcher(value).matches()) {
            throw new InvalidInput("username", "may contain only letters, digits, '_', '.' and '-', "
                    + "and must start with a letter or digit");
        }
        if (RESERVED.contains(User.key(value))) {
            throw new InvalidInput("username", "is reserved");
        }
        return value;
    }

    /** Trimmed; defaults to the username; any script, but no control or text-direction characters. */
    public static String displayName(String value, String fallback) {
        String name = value == null ? fallback : value.strip();
        if (name.isEmpty()) {
            throw new InvalidInput("display_name", "must not be empty");
        }
        if (Text.length(name) > DISPLAY_NAME_MAX) {
            throw new InvalidInput("display_name", "must be at most " + DISPLAY_NAME_MAX + " characters");
        }
        if (Text.hasControlOrDirectionCharacters(name)) {
            throw new InvalidInput("display_name", "must not contain control or text-direction characters");
        }
        return name;
    }

    /** Optional: blank means none (null); trimmed; the same characters as a display name may hold. */
    public static String statusText(String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (Text.length(text) > STATUS_TEXT_MAX) {
            throw new InvalidInput("status_text", "must be at most " + STATUS_TEXT_MAX + " characters");
        }
        if (Text.hasControlOrDirectionCharacters(text)) {
            throw new InvalidInput("status_text", "must not contain control or text-direction characters");
        }
        return text;
    }

    /**
     * Optional: null or blank means none. Checked after normalising: the lower-cased copy that makes emails
     * unique is stored too, and lower-casing can lengthen text ("İ" becomes two characters).
     */
    public static String email(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String email = value.strip();
        if (email.length() > EMAIL_MAX || User.key(email).length() > EMAIL_MAX) {
            throw new InvalidInput("email", "must be at most " + EMAIL_MAX + " characters");
        }
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidInput("email", "is not a valid email address");
        }
        return email;
    }
}
