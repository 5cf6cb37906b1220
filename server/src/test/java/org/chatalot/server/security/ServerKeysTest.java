package org.chatalot.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.server.config.ConfigException;
import org.chatalot.server.config.ConfigLoader;
import org.chatalot.server.config.ServerConfig;

class ServerKeysTest {
    @TempDir
    Path dir;

    @Test
    void firstStartGeneratesOwnerOnlyKeysAndLaterStartsReuseThem() throws Exception {
        ServerConfig config = config(Map.of());

        ServerKeys first = ServerKeys.loadOrGenerate(config.security(), config.storage());
        ServerKeys second = ServerKeys.loadOrGenerate(config.security(), config.storage());

        Path keys = config.storage().keysDir();
        for (String file : new String[] {ServerKeys.PRIVATE_KEY_FILE, ServerKeys.PUBLIC_KEY_FILE,
            ServerKeys.TOTP_KEY_FILE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(Files.readString(keys.resolve(ServerKeys.PRIVATE_KEY_FILE)))
                .startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(second.jwtKeyPair().getPrivate().getEncoded())
                .isEqualTo(first.jwtKeyPair().getPrivate().getEncoded());
        assertThat(second.totpKey().getEncoded()).isEqualTo(first.totpKey().getEncoded()).hasSize(32);
    }

    @Test
    void theRunningServersDataDirectoryAndDatabaseAreOwnerOnly() throws Exception {
        var config = config(java.util.Map.of("LISTEN_ADDR", "127.0.0.1:0", "LOCAL_ADMIN_ADDR", "off"));
        org.chatalot.server.ChatServer.start(config).stop();

        Path data = config.storage().dataDir();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("chatalot.mv.db"))))
                .isEqualTo("rw-------");
    }

    @Test
    void configuredKeysAreUsedAndNothingIsGenerated() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path privateKey = dir.resolve("jwt.pem");
        Path publicKey = dir.resolve("jwt.pub.pem");
        Files.write(privateKey, ServerKeys.toPem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.write(publicKey, ServerKeys.toPem("PUBLIC KEY", pair.getPublic().getEncoded()));
        ServerConfig config = config(Map.of("JWT_PRIVATE_KEY_PATH", privateKey.toString(),
                "JWT_PUBLIC_KEY_PATH", publicKey.toString(), "TOTP_ENCRYPTION_KEY", "ab".repeat(32)));

        ServerKeys keys = ServerKeys.loadOrGenerate(config.security(), config.storage());

        assertThat(keys.jwtKeyPair().getPublic().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(keys.totpKey().getEncoded()).containsOnly((byte) 0xab);
        assertThat(config.storage().keysDir()).doesNotExist();
    }

    @Test
    void publicKeyFromAnotherPairIsRefusedNamingTheVariable() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path privateKey = dir.resolve("jwt.pem");
        Path publicKey = dir.resolve("jwt.pub.pem");
        Files.write(privateKey, ServerKeys.toPem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.write(publicKey, ServerKeys.toPem("PUBLIC KEY", other.getPublic().getEncoded()));
        ServerConfig config = config(Map.of("JWT_PRIVATE_KEY_PATH", privateKey.toString(),
                "JWT_PUBLIC_KEY_PATH", publicKey.toString()));

        assertThatThrownBy(() -> ServerKeys.loadOrGenerate(config.security(), config.storage()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("JWT_PUBLIC_KEY_PATH: the public key does not belong to the private key");
    }

    /** The keys a first start wrote, one of them replaced or damaged later: the start stops and says which. */
    @Test
    void keysInTheDataDirectoryThatDoNotBelongTogetherAreRefused() throws Exception {
        ServerConfig config = config(Map.of());
        KeyPair generated = ServerKeys.loadOrGenerate(config.security(), config.storage()).jwtKeyPair();
        Path keys = config.storage().keysDir();
        Path publicKey = keys.resolve(ServerKeys.PUBLIC_KEY_FILE);
        Path privateKey = keys.resolve(ServerKeys.PRIVATE_KEY_FILE);
        byte[] ownPublic = Files.readAllBytes(publicKey);
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        Files.write(publicKey, ServerKeys.toPem("PUBLIC KEY", other.getPublic().getEncoded()));
        assertThatThrownBy(() -> ServerKeys.loadOrGenerate(config.security(), config.storage()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("the public key does not belong to the private key");

        Files.write(publicKey, ownPublic);
        byte[] damaged = generated.getPrivate().getEncoded();
        damaged[damaged.length - 1] ^= 1; // the last byte of the seed: still a well-formed Ed25519 key
        Files.write(privateKey, ServerKeys.toPem("PRIVATE KEY", damaged));
        assertThatThrownBy(() -> ServerKeys.loadOrGenerate(config.security(), config.storage()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("the public key does not belong to the private key");

        Files.write(privateKey, ServerKeys.toPem("PRIVATE KEY", generated.getPrivate().getEncoded()));
        assertThat(ServerKeys.loadOrGenerate(config.security(), config.storage()).jwtKeyPair().getPublic()
                .getEncoded()).isEqualTo(generated.getPublic().getEncoded());
    }

    @Test
    void notAPemFileIsRefused() throws Exception {
        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "hello");
        ServerConfig config = config(Map.of("JWT_PRIVATE_KEY_PATH", junk.toString(),
                "JWT_PUBLIC_KEY_PATH", junk.toString()));

        assertThatThrownBy(() -> ServerKeys.loadOrGenerate(config.security(), config.storage()))
                .hasMessageContaining("JWT_PRIVATE_KEY_PATH: " + junk + " is not a PEM file");
    }

    @Test
    void totpKeyOfTheWrongLengthIsRefused() {
        ServerConfig config = config(Map.of("TOTP_ENCRYPTION_KEY", "c2hvcnQ="));

        assertThatThrownBy(() -> ServerKeys.loadOrGenerate(config.security(), config.storage()))
                .hasMessageContaining("TOTP_ENCRYPTION_KEY: expected 32 bytes as 64 hex digits or base64");
    }

    private ServerConfig config(Map<String, String> extra) {
        var env = new java.util.HashMap<>(extra);
        env.put("DATA_DIR", dir.resolve("data").toString());
        return ConfigLoader.load(env).config();
    }
}
