package org.chatalot.admin.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import org.chatalot.admin.cli.AdminCli;
import org.chatalot.model.ProductVersion;

/** The app names the product's one version in its About box, its title and its command line. */
class AboutTest {

    @Test
    void theAboutBoxAndTitleShowTheProductVersionAndTheRuntime() {
        About about = About.ofThisApp();

        assertThat(about.version()).isEqualTo(ProductVersion.current());
        assertThat(about.title()).isEqualTo("Chatalot Admin " + ProductVersion.current());
        assertThat(about.details()).extracting(d -> d.get(0))
                .containsExactly("Version", "Java runtime", "JavaFX", "System");
        assertThat(about.javaRuntime()).contains(System.getProperty("java.runtime.version"));
    }

    @Test
    void theCommandLinePrintsTheSameVersion() {
        StringWriter out = new StringWriter();

        int code = AdminCli.run(new String[] {"--version"}, new PrintWriter(out, true), new PrintWriter(out, true));

        assertThat(code).isZero();
        assertThat(out.toString().strip()).isEqualTo("chatalot-admin (Chatalot " + ProductVersion.current() + ")");
    }
}
