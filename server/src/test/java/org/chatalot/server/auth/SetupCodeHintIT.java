package org.chatalot.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthConfig;
import org.chatalot.server.testing.TestServer;

/** The set-up page can tell the first visitor where the setup code is, without revealing it. */
class SetupCodeHintIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void whileSetupIsPendingTheConfigSaysWhereTheCodeIsAndAfterwardsNothing() throws Exception {
        String code = Files.readString(server.dataDir().resolve("setup-code")).strip();
        String pending = server.get("/api/auth/config").body();

        server.users().owner();
        JsonNode done = server.read(server.get("/api/auth/config"), JsonNode.class);

        AuthConfig config = server.json().readValue(pending, AuthConfig.class);
        assertThat(config.setupRequired()).isTrue();
        assertThat(config.setupCodeHint()).contains("log", server.dataDir().resolve("setup-code").toString());
        assertThat(pending).doesNotContain(code).doesNotContain(code.replace("-", ""));
        assertThat(done.get("setup_required").asBoolean()).isFalse();
        assertThat(done.has("setup_code_hint")).isFalse();
    }
}
