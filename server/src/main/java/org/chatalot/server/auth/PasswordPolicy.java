package org.chatalot.server.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.chatalot.server.error.InvalidInput;

/**
 * What a password must be: 10 to 128 characters, not built from the username or email, not one of the
 * passwords attackers try first, and not one character repeated. Length matters far more than character
 * classes, so there are no "must contain a digit" rules (NIST SP 800-63B).
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    /** Loads the bundled list of common passwords (those long enough to pass the length rule). */
    public static PasswordPolicy withBundledList() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/auth/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("auth/common-passwords.txt missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).forEach(words::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new PasswordPolicy(Set.copyOf(words));
    }

    /** Throws InvalidInput naming {@code field} when the password is not acceptable. */
    public void check(String field, String password, String username, String email) {
        if (password == null || password.isEmpty()) {
            throw new InvalidInput(field, "required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidInput(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidInput(field, "must be at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidInput(field, "must not contain the username");
        }
        if (email != null && !email.isBlank()
                && lower.contains(email.toLowerCase(Locale.ROOT).split("@")[0]) && email.split("@")[0].length() > 3) {
            throw new InvalidInput(field, "must not contain the email address");
        }
        if (common.contains(lower)) {
            throw new InvalidInput(field, "is too common; choose a longer or less predictable one");
        }
        if (password.codePoints().distinct().count() < 3) {
            throw new InvalidInput(field, "needs more than one or two different characters");
        }
    }
}
