package org.chatalot.e2e.web;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** On a failed test, saves what every page showed (screenshot and DOM) under target/web-failures. */
final class FailureShots implements TestWatcher {
    private final Supplier<Browsers> browsers;

    FailureShots(Supplier<Browsers> browsers) {
        this.browsers = browsers;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Browsers current = browsers.get();
        if (current != null) {
            current.snapshot(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
    }
}
