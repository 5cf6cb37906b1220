package org.chatalot.server.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.chatalot.server.config.ConfigException;
import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.config.Settings;

/** The server's signing key pair and TOTP encryption key. */
public record ServerKeys(KeyPair jwtKeyPair, SecretKey totpKey) {
    private static final System.Logger LOG = System.getLogger(ServerKeys.class.getName());
    static final String PRIVATE_KEY_FILE = "jwt-ed25519-private.pem";
    static final String PUBLIC_KEY_FILE = "jwt-ed25519-public.pem";
    static final String TOTP_KEY_FILE = "totp.key";

    /** Loads the configured keys, generating any that are not configured into DATA_DIR/keys. */
    public static ServerKeys loadOrGenerate(ServerConfig.Security security, ServerConfig.Storage storage) {
        try {
            KeyPair jwt = security.jwtPrivateKeyPath().isPresent()
                    ? readKeyPair(security.jwtPrivateKeyPath().get(), security.jwtPublicKeyPath().orElseThrow())
                    : generatedKeyPair(storage.keysDir());
            SecretKey totp = security.totpEncryptionKey().isPresent()
                    ? totpKey(security.totpEncryptionKey().get().value(), Settings.TOTP_ENCRYPTION_KEY.name())
                    : generatedTotpKey(storage.keysDir());
            return new ServerKeys(jwt, totp);
        } catch (IOException e) {
            throw new ConfigException(List.of("cannot read or write keys under " + storage.keysDir() + ": " + e));
        }
    }

    private static KeyPair readKeyPair(Path privatePath, Path publicPath) throws IOException {
        PrivateKey privateKey;
        PublicKey publicKey;
        try {
            privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(
                    new PKCS8EncodedKeySpec(pem(privatePath, "PRIVATE KEY", Settings.JWT_PRIVATE_KEY_PATH.name())));
            publicKey = KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(pem(publicPath, "PUBLIC KEY", Settings.JWT_PUBLIC_KEY_PATH.name())));
        } catch (GeneralSecurityException e) {
            throw new ConfigException(List.of(Settings.JWT_PRIVATE_KEY_PATH.name() + " / "
                    + Settings.JWT_PUBLIC_KEY_PATH.name() + ": not an Ed25519 key pair in PEM ("
                    + e.getMessage() + ")"));
        }
        KeyPair pair = new KeyPair(publicKey, privateKey);
        if (!matches(pair)) {
            throw new ConfigException(List.of(Settings.JWT_PUBLIC_KEY_PATH.name()
                    + ": the public key does not belong to the private key in "
                    + Settings.JWT_PRIVATE_KEY_PATH.name()));
        }
        if (PrivateFiles.isReadableByOthers(privatePath)) {
            LOG.log(System.Logger.Level.WARNING, "{0} is readable by other users; run: chmod 600 {0}", privatePath);
        }
        return pair;
    }

    private static KeyPair generatedKeyPair(Path keysDir) throws IOException {
        Path privatePath = keysDir.resolve(PRIVATE_KEY_FILE);
        Path publicPath = keysDir.resolve(PUBLIC_KEY_FILE);
        if (Files.exists(privatePath) && Files.exists(publicPath)) {
            return readKeyPair(privatePath, publicPath);
        }
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate Ed25519 keys", e);
        }
        PrivateFiles.write(privatePath, toPem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        PrivateFiles.write(publicPath, toPem("PUBLIC KEY", pair.getPublic().getEncoded()));
        LOG.log(System.Logger.Level.INFO, "Generated a JWT signing key pair in {0}", keysDir);
        return pair;
    }

    private static SecretKey generatedTotpKey(Path keysDir) throws IOException {
        Path file = keysDir.resolve(TOTP_KEY_FILE);
        if (Files.exists(file)) {
            return totpKey(Files.readString(file).trim(), file.toString());
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        PrivateFiles.write(file, (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII));
        LOG.log(System.Logger.Level.INFO, "Generated a TOTP encryption key in {0}", file);
        return new SecretKeySpec(key, "AES");
    }

    /** Accepts 64 hex digits or base64 of 32 bytes. */
    static SecretKey totpKey(String text, String source) {
        byte[] key;
        try {
            key = text.matches("[0-9a-fA-F]{64}") ? HexFormat.of().parseHex(text) : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new ConfigException(List.of(source + ": expected 32 bytes as 64 hex digits or base64"));
        }
        return new SecretKeySpec(key, "AES");
    }

    private static byte[] pem(Path file, String type, String setting) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(List.of(setting + ": cannot read " + file + " (" + e.getMessage() + ")"));
        }
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new ConfigException(List.of(setting + ": " + file + " is not a PEM file with " + begin));
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    static byte[] toPem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Whether the public key is the one the private key makes: derived again from the private key's seed (what
     * generating it did) and compared. One fixed-base point multiplication instead of a signature and its
     * check, which cost 45 to 100 ms of a cold start. Where this JDK's generator does not take its private key
     * as one seed read from its random source (the JDK does not promise it does), the signature check decides
     * instead, as it does before a pair is refused: a JDK update must never make a good key pair look
     * mismatched and stop the server. Only a refusal, which stops the start anyway, pays for the signature.
     */
    private static boolean matches(KeyPair pair) {
        Optional<byte[]> seed = pair.getPrivate() instanceof EdECPrivateKey privateKey
                ? privateKey.getBytes() : Optional.empty();
        if (seed.isPresent()) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
                generator.initialize(NamedParameterSpec.ED25519, new SeedOnly(seed.get()));
                if (MessageDigest.isEqual(generator.generateKeyPair().getPublic().getEncoded(),
                        pair.getPublic().getEncoded())) {
                    return true;
                }
            } catch (GeneralSecurityException | RuntimeException derivationNotAvailable) {
                // Decided by signing below.
            }
        }
        return signsAndVerifies(pair);
    }

    private static boolean signsAndVerifies(KeyPair pair) {
        try {
            byte[] probe = "chatalot key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(pair.getPublic());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The "random" bytes a key pair generator reads as its private key: the stored seed, once. */
    private static final class SeedOnly extends SecureRandom {
        private static final long serialVersionUID = 1L;

        SeedOnly(byte[] seed) {
            super(new SecureRandomSpi() {
                private static final long serialVersionUID = 1L;
                private boolean used;

                @Override
                protected void engineSetSeed(byte[] ignored) {
                }

                @Override
                protected void engineNextBytes(byte[] bytes) {
                    if (used || bytes.length != seed.length) {
                        throw new IllegalStateException("the Ed25519 generator asked for other bytes than a seed");
                    }
                    used = true;
                    System.arraycopy(seed, 0, bytes, 0, seed.length);
                }

                @Override
                protected byte[] engineGenerateSeed(int length) {
                    throw new UnsupportedOperationException();
                }
            }, null);
        }
    }
}
