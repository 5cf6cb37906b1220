package org.chatalot.e2e.web;

import java.time.Duration;
import java.util.function.Consumer;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import org.chatalot.server.testing.TestChat;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

/**
 * Everything a browser test runs against, started once per test class in the order a deployment needs: the
 * real server (told the public URL and the loopback address nginx forwards to), the installer's nginx site in
 * front of it ({@link WebFront}), then Chromium ({@link Browsers}); stopped the other way round. A failed test
 * leaves what every page showed under target/web-failures. Register with
 * {@code @RegisterExtension static final WebStack web = WebStack.create();}, or
 * {@code WebStack.create(server -> server.with("REGISTRATION_MODE", "open"))} for more server settings.
 */
final class WebStack implements BeforeAllCallback, AfterAllCallback, TestWatcher {
    /** Time limits only bound a test that is failing anyway: generous, so a busy machine never trips them. */
    private static final Duration DEFAULT_ASSERTION_TIMEOUT = Duration.ofSeconds(20);

    private final WebFront front = new WebFront();
    private final TestServer server;
    private Duration assertionTimeout = DEFAULT_ASSERTION_TIMEOUT;
    private Browsers browsers;

    private WebStack(Consumer<TestServer> settings) {
        server = TestServer.create().with("PUBLIC_URL", front.publicUrl()).with("LISTEN_ADDR", front.listenAddress());
        settings.accept(server);
    }

    static WebStack create() {
        return create(server -> { });
    }

    /** {@code settings} adds server settings (environment variables) to those the front needs. */
    static WebStack create(Consumer<TestServer> settings) {
        return new WebStack(settings);
    }

    /** How long Playwright's {@code assertThat} waits for the page (calls and uploads take longer to settle). */
    WebStack assertionTimeout(Duration value) {
        assertionTimeout = value;
        return this;
    }

    TestServer server() {
        return server;
    }

    /** Accounts made through the server's API. */
    TestUsers users() {
        return server.users();
    }

    /** Channels and messages made through the server's API. */
    TestChat chat() {
        return server.chat();
    }

    WebFront front() {
        return front;
    }

    /** {@code path} at the public address, through nginx: where people's browsers go. */
    String url(String path) {
        return front.url(path);
    }

    /** Started before the test class's own {@code @BeforeAll} methods, which may open pages. */
    Browsers browsers() {
        if (browsers == null) {
            throw new IllegalStateException("the browsers start before the test class's @BeforeAll methods");
        }
        return browsers;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        PlaywrightAssertions.setDefaultAssertionTimeout(assertionTimeout.toMillis());
        server.beforeAll(context);
        front.start();
        browsers = new Browsers(front);
    }

    /** Browsers before nginx before the server, each even if the one before failed to close. */
    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (browsers != null) {
                browsers.close();
            }
        } finally {
            try {
                front.close();
            } finally {
                server.afterAll(context);
            }
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (browsers != null) {
            browsers.snapshot(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
    }
}
