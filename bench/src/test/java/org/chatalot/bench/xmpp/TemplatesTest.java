package org.chatalot.bench.xmpp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplatesTest {

    @Test
    void aPlaceholderLeftUnfilledFailsInsteadOfReachingTheServer() {
        assertThatThrownBy(() -> Templates.render("ejabberd.yml", Map.of("domain", "localhost")))
                .hasMessageContaining("placeholder left");
    }

    @Test
    void aMissingTemplateSaysWhich() {
        assertThatThrownBy(() -> Templates.render("nope.yml", Map.of())).hasMessageContaining("nope.yml");
    }
}
