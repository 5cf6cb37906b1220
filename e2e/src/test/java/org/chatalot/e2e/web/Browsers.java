package org.chatalot.e2e.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.chatalot.testing.ExternalTools;

/**
 * Debian's Chromium, headless, driven by Playwright (which never downloads a browser of its own here). Each
 * person in a test gets a browser context: separate cookies and storage, like separate machines. Pages log
 * their script errors; a test checks none happened. People in a call use a second Chromium with fake media
 * devices, started on first use.
 */
final class Browsers implements AutoCloseable {
    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 800;
    static final int PHONE_WIDTH = 360;
    static final int PHONE_HEIGHT = 640;

    /** Chromium's own flags for the tests; the browser's own services stay off. */
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--host-resolver-rules=MAP chat.test 127.0.0.1");
    /**
     * A fake camera (a moving test picture) and microphone (a beep each second) instead of real devices, and
     * WebRTC that offers the loopback address and real addresses instead of mDNS names: the call stays on this
     * machine. Permission is granted per person ({@link #forCall}), so a person without it is refused.
     */
    private static final List<String> CALL_FLAGS = List.of("--use-fake-device-for-media-stream",
            "--allow-loopback-in-peer-connection", "--disable-features=WebRtcHideLocalIpsWithMdns");

    private final Playwright playwright;
    private final WebFront front;
    private final Browser browser;
    private Browser callBrowser;
    private final List<String> pageErrors = new ArrayList<>();
    private final List<Page> pages = new ArrayList<>();

    Browsers(WebFront front) {
        this.front = front;
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = launch(List.of());
    }

    private Browser launch(List<String> extraFlags) {
        List<String> flags = new ArrayList<>(FLAGS);
        flags.addAll(extraFlags);
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(ExternalTools.require("chromium"))
                .setEnv(Map.of("HOME", front.browserHome().toString()))
                .setArgs(flags));
    }

    /** A new person at a desktop-sized window. */
    Page desktop() {
        return open(DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    }

    /** A new person on a phone-sized screen with touch. */
    Page phone() {
        return open(PHONE_WIDTH, PHONE_HEIGHT, true);
    }

    Page open(int width, int height, boolean touch) {
        return watch(browser.newContext(options(width, height, touch)).newPage());
    }

    /**
     * A person whose pages allow an injected audit script (axe-core): the page's CSP is bypassed in this
     * context only, because the audit is not part of the page.
     */
    Page forAudit(int width, int height, boolean touch) {
        return watch(browser.newContext(options(width, height, touch).setBypassCSP(true)).newPage());
    }

    /**
     * A person with a fake camera and microphone, at a desktop-sized window. {@code allowDevices}: whether the
     * site may use them (else the browser refuses, as when the user clicks "Block"); {@code audit}: the CSP is
     * bypassed so axe-core can be injected ({@link #forAudit}).
     */
    Page forCall(boolean allowDevices, boolean audit) {
        if (callBrowser == null) {
            callBrowser = launch(CALL_FLAGS);
        }
        BrowserContext context = callBrowser.newContext(options(DESKTOP_WIDTH, DESKTOP_HEIGHT, false)
                .setBypassCSP(audit));
        if (allowDevices) {
            context.grantPermissions(List.of("microphone", "camera"), new BrowserContext.GrantPermissionsOptions()
                    .setOrigin(front.publicUrl()));
        }
        return watch(context.newPage());
    }

    private static Browser.NewContextOptions options(int width, int height, boolean touch) {
        return new Browser.NewContextOptions().setViewportSize(width, height).setHasTouch(touch).setIsMobile(touch)
                .setLocale("en-GB").setTimezoneId("UTC");
    }

    /** Another tab of the same person (same cookies and storage). */
    Page secondTab(Page first) {
        return watch(first.context().newPage());
    }

    private Page watch(Page page) {
        synchronized (pages) {
            pages.add(page);
        }
        page.onPageError(error -> {
            synchronized (pageErrors) {
                pageErrors.add(error);
            }
        });
        return page;
    }

    /** Screenshots of every open page into {@code target/web-failures}, for a failed test's report. */
    void snapshot(String testName) {
        Path dir = Path.of("target", "web-failures");
        List<Page> open;
        synchronized (pages) {
            open = List.copyOf(pages);
        }
        for (int i = 0; i < open.size(); i++) {
            Page page = open.get(i);
            if (!page.isClosed()) {
                try {
                    page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(testName + "-" + i + ".png")));
                    java.nio.file.Files.writeString(dir.resolve(testName + "-" + i + ".html"), page.content());
                } catch (RuntimeException | java.io.IOException e) {
                    System.err.println("could not capture page " + i + ": " + e.getMessage());
                }
            }
        }
    }

    List<String> pageErrors() {
        synchronized (pageErrors) {
            return List.copyOf(pageErrors);
        }
    }

    @Override
    public void close() {
        if (callBrowser != null) {
            callBrowser.close();
        }
        browser.close();
        playwright.close();
    }
}
