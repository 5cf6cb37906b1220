package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.chatalot.model.ws.ClientMessage;
import org.chatalot.model.ws.CloseCodes;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.model.ws.WsErrorCodes;

/** docs/protocol.md documents every message type and field of the sealed protocol, every close code and error. */
class ProtocolDocsTest {
    private static String docs;

    @BeforeAll
    static void read() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        while (!Files.exists(here.resolve(".mvn"))) {
            here = here.getParent();
        }
        docs = Files.readString(here.resolve("docs/protocol.md"));
    }

    @Test
    void everyClientMessageTypeAndFieldIsDocumented() {
        assertDocumented(ClientMessage.class, "## Client → server", "## Server → client");
    }

    @Test
    void everyServerMessageTypeAndFieldIsDocumented() {
        assertDocumented(ServerMessage.class, "## Server → client", null);
    }

    @Test
    void everyCloseCodeAndErrorCodeIsDocumented() throws IllegalAccessException {
        for (Field field : CloseCodes.class.getFields()) {
            assertThat(docs).as("close code " + field.getName()).contains("| " + field.getInt(null) + " |");
        }
        for (Field field : WsErrorCodes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                assertThat(docs).as("error code " + field.getName()).contains("`" + field.get(null) + "`");
            }
        }
    }

    private static void assertDocumented(Class<?> hierarchy, String from, String to) {
        String part = docs.substring(docs.indexOf(from), to == null ? docs.length() : docs.indexOf(to));
        for (JsonSubTypes.Type type : hierarchy.getAnnotation(JsonSubTypes.class).value()) {
            String heading = "### " + type.name() + "\n";
            assertThat(part).as("section for " + type.name()).contains(heading);
            int start = part.indexOf(heading);
            int end = part.indexOf("\n### ", start + heading.length());
            String section = part.substring(start, end < 0 ? part.length() : end);
            assertThat(section).as(type.name() + " example").contains("\"type\": \"" + type.name() + "\"");
            for (RecordComponent component : type.value().getRecordComponents()) {
                JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
                String name = renamed == null ? component.getName() : renamed.value();
                assertThat(section).as(type.name() + "." + name).contains("`" + name + "`");
            }
        }
    }
}
