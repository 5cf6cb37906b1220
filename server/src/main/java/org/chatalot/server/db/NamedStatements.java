package org.chatalot.server.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.helidon.dbclient.DbStatements;

/**
 * The named SQL statements of {@code db/statements.yaml}, read with the YAML parser the configuration already
 * uses. Going through Helidon Config for this one file cost as much start-up time as opening the database:
 * its service discovery, parsers and mappers load and run before the first statement is read.
 */
final class NamedStatements {
    private NamedStatements() {
    }

    static DbStatements load(String resource) {
        try (InputStream in = NamedStatements.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the server's jar");
            }
            JsonNode statements = new ObjectMapper(new YAMLFactory()).readTree(in).path("statements");
            if (!statements.isObject() || statements.isEmpty()) {
                throw new IllegalStateException(resource + " has no statements");
            }
            DbStatements.Builder builder = DbStatements.builder();
            for (Map.Entry<String, JsonNode> statement : statements.properties()) {
                if (!statement.getValue().isTextual()) {
                    throw new IllegalStateException(resource + ": statement " + statement.getKey() + " is not text");
                }
                builder.addStatement(statement.getKey(), statement.getValue().asText());
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
