package org.chatalot.server.web;

import java.util.Map;

/** The few types the client is made of; anything else is served as bytes the browser will not run. */
final class ContentTypes {
    private static final Map<String, String> BY_EXTENSION = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json",
            "md", "text/markdown; charset=utf-8",
            "woff2", "font/woff2",
            "txt", "text/plain; charset=utf-8");

    private ContentTypes() {
    }

    static String of(String path) {
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
    }

    static boolean isText(String contentType) {
        return contentType.startsWith("text/") || contentType.equals("image/svg+xml")
                || contentType.equals("application/json");
    }
}
