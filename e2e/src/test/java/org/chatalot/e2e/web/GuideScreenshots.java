package org.chatalot.e2e.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ScreenshotAnimations;

/**
 * The guides' screenshots, written into the folder named by {@code -Dscreenshots.dir} (the ITs that take them
 * run only when it is set), once the page's fonts have loaded.
 */
final class GuideScreenshots {
    private GuideScreenshots() {
    }

    static void shot(Page page, String name) {
        Path dir = Path.of(System.getProperty("screenshots.dir"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.evaluate("() => document.fonts.ready");
        // a transition still running (the phone's channel drawer sliding in) is taken at its end, not midway
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name))
                .setAnimations(ScreenshotAnimations.DISABLED));
        System.out.println("wrote " + dir.resolve(name));
    }
}
