package org.chatalot.server.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one HTML page of the client, rendered once from {@code index.html} (at build time, WebIndex): asset URLs get the
 * version, the module graph below the entry point is announced with {@code modulepreload} (so the browser
 * fetches it in one round instead of one round per level of imports), and the inline import map's hash is
 * computed for the Content-Security-Policy (browsers load import maps only inline).
 */
final class IndexPage {
    static final String TEMPLATE = "index.html";
    static final String ENTRY = "app.js";
    private static final String ASSETS_PLACEHOLDER = "{{assets}}";
    private static final String PRELOAD_PLACEHOLDER = "{{preload}}";
    private static final Pattern IMPORT_MAP = Pattern.compile(
            "<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);
    /** {@code <style>{{inline:app.css}}</style>}: the stylesheet goes into the page (one request fewer). */
    private static final Pattern INLINE_STYLE = Pattern.compile("<style>\\{\\{inline:([\\w./-]+)}}</style>");

    private final WebAssets.Asset page;
    private final String importMapHash;
    private final List<String> styleHashes;
    private final List<String> preloaded;

    private IndexPage(WebAssets.Asset page, String importMapHash, List<String> styleHashes, List<String> preloaded) {
        this.page = page;
        this.importMapHash = importMapHash;
        this.styleHashes = styleHashes;
        this.preloaded = preloaded;
    }

    /** The page as the build rendered it (WebIndex). */
    static IndexPage of(WebAssets.Asset page, String importMapHash, List<String> styleHashes, List<String> preloaded) {
        return new IndexPage(page, importMapHash, List.copyOf(styleHashes), List.copyOf(preloaded));
    }

    static IndexPage render(WebAssets assets, String assetBase) {
        WebAssets.Asset template = assets.get(TEMPLATE)
                .orElseThrow(() -> new IllegalStateException("the web client has no " + TEMPLATE));
        String html = new String(template.bytes(), StandardCharsets.UTF_8).replace(ASSETS_PLACEHOLDER, assetBase);
        List<String> styleHashes = new java.util.ArrayList<>();
        Matcher style = INLINE_STYLE.matcher(html);
        StringBuilder inlined = new StringBuilder();
        while (style.find()) {
            String css = assets.get(style.group(1)).map(a -> new String(a.bytes(), StandardCharsets.UTF_8))
                    .orElseThrow(() -> new IllegalStateException(TEMPLATE + " inlines a missing " + style.group(1)));
            styleHashes.add(cspHash(css));
            style.appendReplacement(inlined, Matcher.quoteReplacement("<style>" + css + "</style>"));
        }
        style.appendTail(inlined);
        html = inlined.toString();
        Matcher importMap = IMPORT_MAP.matcher(html);
        if (!importMap.find()) {
            throw new IllegalStateException(TEMPLATE + " has no inline import map");
        }
        String mapText = importMap.group(1);
        List<String> preloaded = ModuleGraph.staticImports(assets, ENTRY, imports(mapText), assetBase);
        String links = preloaded.stream()
                .map(path -> "<link rel=\"modulepreload\" href=\"" + assetBase + "/" + path + "\">")
                .collect(Collectors.joining("\n  "));
        html = html.replace(PRELOAD_PLACEHOLDER, links);
        return new IndexPage(WebAssets.asset(TEMPLATE, html.getBytes(StandardCharsets.UTF_8)), cspHash(mapText),
                List.copyOf(styleHashes), preloaded);
    }

    WebAssets.Asset page() {
        return page;
    }

    /** {@code 'sha256-…'}, the source expression that lets the inline import map run under our CSP. */
    String importMapHash() {
        return importMapHash;
    }

    /** {@code 'sha256-…'} of each stylesheet inlined in the page, for {@code style-src}. */
    List<String> styleHashes() {
        return styleHashes;
    }

    List<String> preloaded() {
        return preloaded;
    }

    private static Map<String, String> imports(String mapText) {
        try {
            Map<String, Map<String, String>> map = new ObjectMapper().readValue(mapText,
                    new TypeReference<LinkedHashMap<String, Map<String, String>>>() { });
            return map.getOrDefault("imports", Map.of());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(TEMPLATE + ": the import map is not valid JSON", e);
        }
    }

    private static String cspHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
