package org.chatalot.admin.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.chatalot.model.error.ErrorBody;

/** Reads an answer: the record on success, an {@link ApiException} carrying the server's message otherwise. */
final class Responses {
    private final JsonCodec json;

    Responses(JsonCodec json) {
        this.json = json;
    }

    <T> T read(HttpTransport.Response response, Class<T> type) throws IOException {
        requireSuccess(response);
        return type == Void.class ? null : json.read(response.body(), type);
    }

    void requireSuccess(HttpTransport.Response response) {
        if (!response.isSuccess()) {
            throw error(response);
        }
    }

    ApiException error(HttpTransport.Response response) {
        try {
            ErrorBody body = json.read(response.body(), ErrorBody.class);
            if (body.error() != null && body.error().message() != null) {
                return new ApiException(response.status(), body.error().code(), body.error().message(),
                        body.error().field());
            }
        } catch (IOException | RuntimeException e) {
            // not our server's error shape (a proxy's HTML page): fall through to the status line
        }
        String text = new String(response.body(), StandardCharsets.UTF_8).strip();
        // the server answers every path, unknown ones included, with its JSON error: this came from something else
        if (response.status() >= 502 && response.status() <= 504) {
            return new ApiException(response.status(), "http_" + response.status(), "The proxy answered HTTP "
                    + response.status() + ": it cannot reach the server behind it (is the server running?)", null);
        }
        String hint = response.status() == 404 ? " (not from Chatalot's API: check the URL and that the proxy passes"
                + " /api to the server)" : "";
        return new ApiException(response.status(), "http_" + response.status(), "The server answered HTTP "
                + response.status() + hint + (text.isEmpty() || text.startsWith("<") ? "" : ": "
                + text.substring(0, Math.min(200, text.length()))), null);
    }
}
