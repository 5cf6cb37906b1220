package org.chatalot.admin.connection;

import java.io.IOException;
import java.util.Optional;

/**
 * Where a remembered session's refresh token lives. An interface so an OS keyring can take the file's place;
 * the file store is the fallback the issue allows (mode 600), and it is used only when the admin ticks
 * "remember me".
 */
public interface SecretStore {

    Optional<String> read(String key) throws IOException;

    void write(String key, String secret) throws IOException;

    void delete(String key) throws IOException;
}
