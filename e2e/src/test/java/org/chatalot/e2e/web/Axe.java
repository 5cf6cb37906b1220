package org.chatalot.e2e.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import org.chatalot.testing.ExternalTools;

/**
 * axe-core (from e2e/browser's npm packages) run in the page: the WCAG 2.1 A and AA rules and axe's best
 * practices. Its script is injected, so the page must come from a context with CSP bypassed
 * ({@link Browsers#forAudit}); the client itself never runs with the CSP off.
 */
final class Axe {
    private static final Path SCRIPT = Path.of("browser", "node_modules", "axe-core", "axe.min.js");
    private static String source;

    private Axe() {
    }

    /** The serious and critical violations on the page as it is now, one line each (rule, help, elements). */
    @SuppressWarnings("unchecked")
    static List<String> seriousOrCritical(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof axe !== 'undefined'"))) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(source()));
        }
        return (List<String>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                    resultTypes: ['violations'] });
                  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
                }""");
    }

    private static synchronized String source() {
        if (source == null) {
            Path script = SCRIPT.toAbsolutePath();
            if (!Files.isRegularFile(script)) {
                String message = "axe-core is not installed in " + script.getParent().getParent()
                        + " (scripts/install-test-deps runs npm ci in e2e/browser)";
                if (ExternalTools.isCi()) {
                    Assertions.fail(message + "; CI must provide it");
                }
                Assumptions.abort(message);
            }
            try {
                source = Files.readString(script);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
