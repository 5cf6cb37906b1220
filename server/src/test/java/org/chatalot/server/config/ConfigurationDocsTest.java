package org.chatalot.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/configuration.md and the README's table must list every variable the server reads, with its default. */
class ConfigurationDocsTest {

    @Test
    void everySettingIsDocumentedWithItsDefault() throws IOException {
        String docs = Files.readString(repoFile("docs/configuration.md"));

        for (Setting setting : Settings.ALL) {
            String row = docs.lines().filter(line -> line.startsWith("| `" + setting.name() + "` |"))
                    .findFirst().orElse(null);
            assertThat(row).as("docs/configuration.md row for " + setting.name()).isNotNull();
            if (setting.defaultValue() != null) {
                assertThat(row).as("default of " + setting.name()).contains("`" + setting.defaultValue() + "`");
            }
        }
    }

    @Test
    void readmeTableNamesEverySetting() throws IOException {
        String readme = Files.readString(repoFile("README.md"));

        for (Setting setting : Settings.ALL) {
            assertThat(readme).as("README mentions " + setting.name()).contains("`" + setting.name() + "`");
        }
    }

    static Path repoFile(String relative) {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.exists(here.resolve(".mvn"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException("not inside the repository");
        }
        return here.resolve(relative);
    }
}
