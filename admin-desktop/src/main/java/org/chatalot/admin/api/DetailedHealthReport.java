package org.chatalot.admin.api;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import org.chatalot.model.health.DetailedHealth;
import org.chatalot.model.health.HealthFinding;

/**
 * {@code GET /api/admin/health} as the app shows it: the fields it knows, and every other field the server sent,
 * flattened to "name: value" lines, so what a newer server adds (its own checks, say) is shown rather than
 * dropped. An older server without {@code findings} reads as having none. The server's look at its own public URL
 * ({@code self_check}) is read apart, into {@link PublicUrlCheck}.
 */
public record DetailedHealthReport(DetailedHealth health, Optional<PublicUrlCheck> publicUrl,
                                   Map<String, String> extras) {
    private static final Set<String> KNOWN = knownFields();
    private static final int MAX_EXTRAS = 40;

    /** What needs attention: the server's findings, then those of its look at its public URL. */
    public List<HealthFinding> findings() {
        List<HealthFinding> all = new ArrayList<>(health.findings() == null ? List.of() : health.findings());
        publicUrl.ifPresent(check -> all.addAll(check.findings()));
        return List.copyOf(all);
    }

    static DetailedHealthReport read(JsonCodec json, byte[] body) throws IOException {
        JsonNode tree = json.mapper().readTree(body);
        DetailedHealth health = json.mapper().treeToValue(tree, DetailedHealth.class);
        Map<String, String> extras = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = tree.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!KNOWN.contains(field.getKey())) {
                flatten(field.getKey(), field.getValue(), extras);
            }
        }
        return new DetailedHealthReport(health, PublicUrlCheck.read(tree), Map.copyOf(extras));
    }

    private static void flatten(String name, JsonNode value, Map<String, String> into) {
        if (into.size() >= MAX_EXTRAS) {
            return;
        }
        if (value.isObject()) {
            value.fields().forEachRemaining(field -> flatten(name + "." + field.getKey(), field.getValue(), into));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                flatten(name + "[" + i + "]", value.get(i), into);
            }
        } else if (!value.isNull()) {
            into.put(name, value.asText());
        }
    }

    private static Set<String> knownFields() {
        Set<String> names = new HashSet<>(Set.of("self_check"));
        for (RecordComponent component : DetailedHealth.class.getRecordComponents()) {
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            names.add(property == null ? component.getName() : property.value());
        }
        return Set.copyOf(names);
    }
}
