package org.chatalot.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductVersionTest {

    @Test
    void theBuildStampedASemanticVersion() {
        assertThat(ProductVersion.current()).matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
        assertThat(ProductVersion.line()).isEqualTo("Chatalot " + ProductVersion.current());
    }
}
