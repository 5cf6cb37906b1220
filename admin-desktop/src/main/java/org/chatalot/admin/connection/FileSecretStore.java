package org.chatalot.admin.connection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Refresh tokens by profile name in {@code sessions.json}, mode 600, beside the profiles. */
public final class FileSecretStore implements SecretStore {
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public FileSecretStore(Path configDirectory) {
        this.file = configDirectory.resolve("sessions.json");
    }

    @Override
    public synchronized Optional<String> read(String key) throws IOException {
        return Optional.ofNullable(all().get(key));
    }

    @Override
    public synchronized void write(String key, String secret) throws IOException {
        Map<String, String> secrets = all();
        secrets.put(key, secret);
        PrivateFiles.write(file, json.writeValueAsString(secrets));
    }

    @Override
    public synchronized void delete(String key) throws IOException {
        Map<String, String> secrets = all();
        if (secrets.remove(key) != null) {
            PrivateFiles.write(file, json.writeValueAsString(secrets));
        }
    }

    private Map<String, String> all() throws IOException {
        return Files.exists(file) ? json.readValue(file.toFile(), MAP) : new TreeMap<>();
    }
}
