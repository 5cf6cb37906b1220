package org.chatalot.installer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import org.chatalot.model.ProductVersion;

class InstallerVersionTest {

    @Test
    void versionIsTheProductsOne() {
        StringWriter out = new StringWriter();

        int code = InstallerCli.run(new PrintWriter(out, true), new PrintWriter(out, true), "--version");

        assertThat(code).isZero();
        assertThat(out.toString().strip()).isEqualTo("chatalot-install (Chatalot " + ProductVersion.current() + ")");
    }
}
