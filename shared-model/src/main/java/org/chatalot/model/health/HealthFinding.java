package org.chatalot.model.health;

/**
 * Something in detailed health an operator should act on, e.g. a scheduled backup that failed: {@code severity}
 * is {@code warn} or {@code fail}; {@code evidence} says what was seen and {@code fix} what to do.
 */
public record HealthFinding(String id, String severity, String title, String evidence, String fix) {
    public static final String WARN = "warn";
    public static final String FAIL = "fail";
}
