package org.chatalot.server.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void onlyTheLastPathSegmentSurvives() {
        assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitize("C:\\Users\\me\\report.pdf")).isEqualTo("report.pdf");
        assertThat(FileNames.sanitize("..")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitize(null)).isEqualTo(FileNames.FALLBACK);
    }

    @Test
    void invisibleAndReservedCharactersAreRemovedOrReplaced() {
        assertThat(FileNames.sanitize("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.sanitize("a\u0000b\r\nc\u0007.txt")).isEqualTo("abc.txt");
        assertThat(FileNames.sanitize("what? <yes>: \"no\" | * .txt")).isEqualTo("what_ _yes__ _no_ _ _ .txt");
        assertThat(FileNames.sanitize(".bashrc")).isEqualTo("bashrc");
        assertThat(FileNames.sanitize("notes.txt. . ")).isEqualTo("notes.txt");
        assertThat(FileNames.sanitize("  résumé 2024.pdf ")).isEqualTo("résumé 2024.pdf");
    }

    @Test
    void longNamesAreCutTo255BytesKeepingTheExtension() {
        String name = FileNames.sanitize("ü".repeat(300) + ".jpeg");

        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_NAME_BYTES);
        assertThat(name).endsWith("ü.jpeg").doesNotContain("\uFFFD");
    }

    @Test
    void aCutNameNeverEndsInADotOrSpace() {
        String name = FileNames.sanitize("a".repeat(250) + ".exe " + "b".repeat(30));

        assertThat(name).isEqualTo("a".repeat(250) + ".exe");
        assertThat(FileTypes.refusalForName(name)).contains(".exe");
    }

    @Test
    void theExtensionIsTheOneWindowsWouldSee() {
        assertThat(FileTypes.refusalForName("setup.exe. .")).contains(".exe");
        assertThat(FileTypes.refusalForName("setup.EXE ")).contains(".exe");
    }

    @Test
    void contentDispositionCarriesAnAsciiFallbackAndTheExactName() {
        assertThat(FileNames.contentDisposition("plain.txt"))
                .isEqualTo("attachment; filename=\"plain.txt\"; filename*=UTF-8''plain.txt");
        assertThat(FileNames.contentDisposition("Über 100% \"fun\".txt"))
                .isEqualTo("attachment; filename=\"_ber 100_ _fun_.txt\"; "
                        + "filename*=UTF-8''%C3%9Cber%20100%25%20%22fun%22.txt");
    }
}
