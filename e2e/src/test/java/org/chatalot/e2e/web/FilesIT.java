package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.testing.TempDirs;

/**
 * Sharing files from the browser: dropped, pasted or picked, several at once, each with its progress; the
 * server's refusals in its words; the other person sees the picture as a thumbnail (and full size), and
 * downloads a document byte for byte.
 */
class FilesIT {
    @RegisterExtension
    static final WebStack web = WebStack.create().assertionTimeout(Duration.ofSeconds(30));

    static Channel channel;
    static Path dir;

    @BeforeAll
    static void start() {
        AuthTokens ann = web.users().register("ann");
        AuthTokens ben = web.users().register("ben");
        channel = web.chat().publicChannel(ann, "files");
        web.chat().join(ben, channel.id());
        dir = TempDirs.create("chatalot-web-files-");
    }

    @AfterAll
    static void stop() {
        TempDirs.deleteRecursively(dir);
    }

    @Test
    void filesDroppedPastedAndPickedReachTheOtherPersonIntact() throws Exception {
        ChatPage ann = ChatPage.signIn(web.browsers().desktop(), web.url("/c/" + channel.id()), "ann",
                TestUsers.PASSWORD);
        ChatPage ben = ChatPage.signIn(web.browsers().desktop(), web.url("/c/" + channel.id()), "ben",
                TestUsers.PASSWORD);
        assertThat(ann.composer()).isVisible();

        drop(ann.page, "sunset.png", png(new Color(230, 120, 40)), "image/png");
        paste(ann.page, "notes.txt", "meeting notes\nline two\n".getBytes(), "text/plain");
        Locator files = ann.page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Files to send"));
        assertThat(files.getByRole(AriaRole.LISTITEM)).hasCount(2);
        assertThat(files.getByText("Ready to send")).hasCount(2);

        Path report = dir.resolve("report.pdf");
        byte[] pdf = pdf(6 * 1024 * 1024);
        Files.write(report, pdf);
        ann.page.locator(".file-input").setInputFiles(report);
        assertThat(files.getByRole(AriaRole.PROGRESSBAR, new Locator.GetByRoleOptions()
                .setName("Uploading report.pdf"))).isVisible();
        assertThat(files.getByRole(AriaRole.LISTITEM)).hasCount(3);
        assertThat(files.getByText("Ready to send")).hasCount(3);
        ann.send("three files");

        Locator shared = ben.expectDelivered("three files");
        Locator thumbnail = shared.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("sunset.png"));
        assertThat(thumbnail).isVisible();
        ben.page.waitForFunction("() => [...document.querySelectorAll('.attachment-image img')]"
                + ".some(img => img.complete && img.naturalWidth === 64)");
        shared.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open image sunset.png")).click();
        assertThat(ben.dialog().getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("sunset.png")))
                .isVisible();
        ben.page.keyboard().press("Escape");

        Download download = ben.page.waitForDownload(() -> shared.getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(Pattern.compile("^Download\\s+report.pdf"))).click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("report.pdf");
        org.assertj.core.api.Assertions.assertThat(sha256(Files.readAllBytes(download.path()))).isEqualTo(sha256(pdf));
        assertThat(shared.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(
                Pattern.compile("^Download\\s+notes.txt")))).isVisible();
    }

    @Test
    void theServersRefusalIsShownInItsOwnWords() throws Exception {
        ChatPage ann = ChatPage.signIn(web.browsers().desktop(), web.url("/c/" + channel.id()), "ann",
                TestUsers.PASSWORD);
        // The sidebar comes first; a drop before the channel's pane is drawn lands on nothing.
        assertThat(ann.composer()).isVisible();
        byte[] program = new byte[4096];
        program[0] = 0x7f;
        program[1] = 'E';
        program[2] = 'L';
        program[3] = 'F';
        drop(ann.page, "tool.bin", program, "application/octet-stream");
        Locator files = ann.page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Files to send"));
        assertThat(files.getByRole(AriaRole.ALERT)).containsText(Pattern.compile("program|executable|refused",
                Pattern.CASE_INSENSITIVE));
        files.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove tool.bin")).click();
        assertThat(files).hasCount(0);

        web.users().expect(200, web.users().put(web.users().owner().accessToken(), "/api/admin/settings",
                Map.of("max_file_size_mb", 1)), Object.class);
        Path big = dir.resolve("big.pdf");
        Files.write(big, pdf(2 * 1024 * 1024));
        ann.page.reload();
        ann.page.locator(".file-input").setInputFiles(big);
        assertThat(files.getByRole(AriaRole.ALERT)).containsText(Pattern.compile("1 MB|1 MiB|limit"));
        web.users().expect(200, web.users().put(web.users().owner().accessToken(), "/api/admin/settings",
                Map.of("max_file_size_mb", 100)), Object.class);
    }

    private static void drop(Page page, String name, byte[] bytes, String type) {
        JSHandle transfer = transfer(page, name, bytes, type);
        page.dispatchEvent("main", "dragover", Map.of("dataTransfer", transfer));
        page.dispatchEvent("main", "drop", Map.of("dataTransfer", transfer));
    }

    private static void paste(Page page, String name, byte[] bytes, String type) {
        page.evaluate("([name, data, type]) => { const transfer = new DataTransfer();"
                + " transfer.items.add(new File([Uint8Array.from(atob(data), c => c.charCodeAt(0))], name, { type }));"
                + " document.querySelector('.composer textarea').dispatchEvent(new ClipboardEvent('paste',"
                + " { clipboardData: transfer, bubbles: true, cancelable: true })); }",
                java.util.List.of(name, Base64.getEncoder().encodeToString(bytes), type));
    }

    private static JSHandle transfer(Page page, String name, byte[] bytes, String type) {
        return page.evaluateHandle("([name, data, type]) => { const transfer = new DataTransfer();"
                + " transfer.items.add(new File([Uint8Array.from(atob(data), c => c.charCodeAt(0))], name, { type }));"
                + " return transfer; }", java.util.List.of(name, Base64.getEncoder().encodeToString(bytes), type));
    }

    private static byte[] png(Color color) throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A PDF header and random bytes: sniffed as a PDF, random enough that a changed byte would show. */
    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        byte[] header = "%PDF-1.7\n".getBytes();
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
