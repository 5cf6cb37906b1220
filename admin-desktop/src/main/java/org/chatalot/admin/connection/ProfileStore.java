package org.chatalot.admin.connection;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The admin's connection profiles in {@code profiles.json} in the config directory, mode 600. */
public final class ProfileStore {
    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public ProfileStore(Path configDirectory) {
        this.file = configDirectory.resolve("profiles.json");
    }

    public Path file() {
        return file;
    }

    public List<ConnectionProfile> load() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        Stored stored = json.readValue(file.toFile(), Stored.class);
        List<ConnectionProfile> profiles = new ArrayList<>();
        for (StoredProfile profile : stored.profiles() == null ? List.<StoredProfile>of() : stored.profiles()) {
            profiles.add(profile.toProfile());
        }
        return profiles;
    }

    public void save(List<ConnectionProfile> profiles) throws IOException {
        Stored stored = new Stored(profiles.stream().map(StoredProfile::of).toList());
        PrivateFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(stored));
    }

    /** Adds the profile, or replaces the one with the same name. */
    public void put(ConnectionProfile profile) throws IOException {
        List<ConnectionProfile> profiles = new ArrayList<>(load());
        profiles.removeIf(existing -> existing.name().equals(profile.name()));
        profiles.add(profile);
        save(profiles);
    }

    public void remove(String name) throws IOException {
        List<ConnectionProfile> profiles = new ArrayList<>(load());
        profiles.removeIf(existing -> existing.name().equals(name));
        save(profiles);
    }

    record Stored(List<StoredProfile> profiles) {
    }

    /** Flat on disk so the file stays readable and editable by hand. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoredProfile(String name, String url, String trust, @JsonProperty("ca_file") String caFile,
                         @JsonProperty("pin_sha256") String pinSha256, String username) {

        static StoredProfile of(ConnectionProfile profile) {
            return switch (profile.trust()) {
                case TrustMode.SystemCas s -> new StoredProfile(profile.name(), profile.url().toString(), "system",
                        null, null, profile.username());
                case TrustMode.CaFile f -> new StoredProfile(profile.name(), profile.url().toString(), "ca_file",
                        f.pemFile().toString(), null, profile.username());
                case TrustMode.Pinned p -> new StoredProfile(profile.name(), profile.url().toString(), "pinned",
                        null, p.sha256(), profile.username());
            };
        }

        ConnectionProfile toProfile() {
            TrustMode mode = switch (trust == null ? "system" : trust) {
                case "ca_file" -> new TrustMode.CaFile(Path.of(caFile));
                case "pinned" -> new TrustMode.Pinned(pinSha256);
                default -> TrustMode.system();
            };
            return new ConnectionProfile(name, URI.create(url), mode, username);
        }
    }
}
