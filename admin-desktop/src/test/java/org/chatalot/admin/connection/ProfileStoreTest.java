package org.chatalot.admin.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles and remembered sessions survive a restart and are readable by their owner only. */
class ProfileStoreTest {

    @Test
    void profilesRoundTripWithEveryTrustModeAtMode600(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config");
        ProfileStore store = new ProfileStore(config);
        store.put(ConnectionProfile.of("Prod", "https://chat.example.com").withUsername("owner"));
        store.put(ConnectionProfile.of("Lab", "https://lab.test").withTrust(new TrustMode.CaFile(dir.resolve("ca"))));
        store.put(ConnectionProfile.of("Pi", "https://pi.test").withTrust(new TrustMode.Pinned("AB".repeat(32))));

        List<ConnectionProfile> loaded = new ProfileStore(config).load();

        assertThat(loaded).extracting(ConnectionProfile::name).containsExactly("Prod", "Lab", "Pi");
        assertThat(loaded.get(0).username()).isEqualTo("owner");
        assertThat(loaded.get(1).trust()).isEqualTo(new TrustMode.CaFile(dir.resolve("ca")));
        assertThat(loaded.get(2).trust()).isEqualTo(new TrustMode.Pinned("AB".repeat(32)));
        assertThat(loaded.get(2).url()).isEqualTo(URI.create("https://pi.test"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rwx------");
    }

    @Test
    void refreshTokensAreReplacedAndRemovedAtMode600(@TempDir Path dir) throws Exception {
        FileSecretStore secrets = new FileSecretStore(dir);
        secrets.write("Prod", "refresh-1");
        secrets.write("Prod", "refresh-2");
        assertThat(secrets.read("Prod")).contains("refresh-2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("sessions.json"))))
                .isEqualTo("rw-------");
        secrets.delete("Prod");
        assertThat(new FileSecretStore(dir).read("Prod")).isEmpty();
    }

    @Test
    void configDirectoryFollowsXdgAndTheOverride() {
        Path home = Path.of("/home/ada");
        assertThat(ConfigDirectory.resolve(Map.of(), "Linux", home))
                .isEqualTo(Path.of("/home/ada/.config/chatalot-admin"));
        assertThat(ConfigDirectory.resolve(Map.of("XDG_CONFIG_HOME", "/x"), "Linux", home))
                .isEqualTo(Path.of("/x/chatalot-admin"));
        assertThat(ConfigDirectory.resolve(Map.of(ConfigDirectory.OVERRIDE, "/t"), "Linux", home))
                .isEqualTo(Path.of("/t"));
    }
}
