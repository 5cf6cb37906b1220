package org.chatalot.testing;

import java.util.Optional;

/**
 * Which Maven plugin runs this JVM's tests, and the rule that keeps the two apart (docs/testing.md): surefire
 * runs unit tests ({@code *Test}), failsafe runs integration tests ({@code *IT}): those that start the real
 * server, a child JVM, or a program such as nginx or Chromium. The parent POM sets
 * {@value #PROPERTY} to {@code unit} or {@code integration}; run from an IDE it is unset and nothing is checked.
 */
public final class TestPhase {
    static final String PROPERTY = "chatalot.test.phase";
    static final String UNIT = "unit";
    static final String INTEGRATION = "integration";
    static final String IT_SUFFIX = "IT";

    private TestPhase() {
    }

    /**
     * Called by every helper that makes a test an integration test (the server, a child JVM, an external
     * program): under surefire it fails the test, naming the class to rename, before anything is started.
     */
    public static void requireIntegration(String what) {
        requireIntegration(what, callingTestClass());
    }

    /** As {@link #requireIntegration(String)}, for an extension that knows the test class. */
    public static void requireIntegration(String what, Class<?> testClass) {
        requireIntegration(what, simpleName(testClass.getName()));
    }

    private static void requireIntegration(String what, String testClass) {
        problem(System.getProperty(PROPERTY), what, testClass).ifPresent(message -> {
            throw new AssertionError(message);
        });
    }

    static Optional<String> problem(String phase, String what, String testClass) {
        if (!UNIT.equals(phase)) {
            return Optional.empty();
        }
        return Optional.of(testClass + " starts " + what + ", so it is an integration test: name the class "
                + rename(testClass) + " (failsafe runs *IT classes; see docs/testing.md)");
    }

    /** Why a test class does not belong to the plugin running it, or empty when it does (or nobody knows). */
    static Optional<String> wrongPlugin(String phase, String className) {
        boolean integrationClass = className.endsWith(IT_SUFFIX);
        if (UNIT.equals(phase) && integrationClass) {
            return Optional.of(simpleName(className) + " is an integration test: failsafe runs it");
        }
        if (INTEGRATION.equals(phase) && !integrationClass) {
            return Optional.of(simpleName(className) + " is a unit test: surefire runs it");
        }
        return Optional.empty();
    }

    private static String rename(String testClass) {
        String base = testClass.endsWith("Test") ? testClass.substring(0, testClass.length() - 4) : testClass;
        return base + IT_SUFFIX;
    }

    private static String simpleName(String className) {
        String top = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        return top.substring(top.lastIndexOf('.') + 1);
    }

    /** The outermost test class on the stack (helpers and nested classes are not what gets renamed). */
    private static String callingTestClass() {
        return StackWalker.getInstance().walk(frames -> frames
                        .map(StackWalker.StackFrame::getClassName)
                        .map(TestPhase::simpleName)
                        .filter(name -> name.endsWith("Test") || name.endsWith("Tests"))
                        .reduce((first, outer) -> outer))
                .orElse("this test class");
    }
}
