package org.chatalot.server.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The modules an entry point loads through static {@code import … from "…"} and {@code export … from "…"},
 * found by reading the sources. Dynamic {@code import()} is left out on purpose: those modules are loaded
 * when first used. A specifier that matches nothing we serve is ignored (it would only cost a preload).
 */
final class ModuleGraph {
    private static final Pattern STATIC_IMPORT = Pattern.compile(
            "\\b(?:import|export)\\s*(?:[\\w*{}\\s,$]*?\\bfrom\\s*)?[\"']([^\"'\\n]+)[\"']");

    private ModuleGraph() {
    }

    /** Breadth first from {@code entry}, the entry itself excluded; paths relative to the asset root. */
    static List<String> staticImports(WebAssets assets, String entry, Map<String, String> importMap,
                                      String assetBase) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(entry));
        seen.add(entry);
        while (!queue.isEmpty()) {
            String module = queue.removeFirst();
            Optional<WebAssets.Asset> asset = assets.get(module);
            if (asset.isEmpty()) {
                continue;
            }
            for (String specifier : specifiers(new String(asset.get().bytes(), StandardCharsets.UTF_8))) {
                resolve(module, specifier, importMap, assetBase)
                        .filter(path -> assets.get(path).isPresent())
                        .filter(seen::add)
                        .ifPresent(queue::addLast);
            }
        }
        List<String> modules = new ArrayList<>(seen);
        modules.remove(entry);
        return modules;
    }

    static List<String> specifiers(String source) {
        List<String> found = new ArrayList<>();
        Matcher matcher = STATIC_IMPORT.matcher(source);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    static Optional<String> resolve(String from, String specifier, Map<String, String> importMap,
                                    String assetBase) {
        if (specifier.startsWith("./") || specifier.startsWith("../")) {
            int slash = from.lastIndexOf('/');
            return normalise((slash < 0 ? "" : from.substring(0, slash + 1)) + specifier);
        }
        String url = mapped(specifier, importMap);
        if (url != null && url.startsWith(assetBase + "/")) {
            return normalise(url.substring(assetBase.length() + 1));
        }
        return Optional.empty();
    }

    private static String mapped(String specifier, Map<String, String> importMap) {
        if (importMap.containsKey(specifier)) {
            return importMap.get(specifier);
        }
        String bestKey = null;
        for (String key : importMap.keySet()) {
            if (key.endsWith("/") && specifier.startsWith(key) && (bestKey == null || key.length() > bestKey.length())) {
                bestKey = key;
            }
        }
        return bestKey == null ? null : importMap.get(bestKey) + specifier.substring(bestKey.length());
    }

    private static Optional<String> normalise(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return Optional.of(String.join("/", parts));
    }
}
