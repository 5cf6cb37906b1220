package org.chatalot.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code -Dtest=Name} selects in both surefire and failsafe (surefire's own pattern then overrides its
 * {@code *IT} exclusion), so the plugin that does not own the named class skips it here, with the reason.
 * Registered for every test through JUnit's extension auto-detection, switched on in the parent POM.
 */
public final class TestPhaseCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String phase = System.getProperty(TestPhase.PROPERTY);
        return context.getTestClass()
                .flatMap(testClass -> TestPhase.wrongPlugin(phase, outermost(testClass).getName()))
                .map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("run by the plugin that owns it"));
    }

    private static Class<?> outermost(Class<?> testClass) {
        Class<?> outer = testClass;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        return outer;
    }
}
