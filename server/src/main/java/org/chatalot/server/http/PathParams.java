package org.chatalot.server.http;

import java.util.UUID;

import io.helidon.webserver.http.ServerRequest;

import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.NotFound;

/** Typed path and query parameters with errors that name them. */
public final class PathParams {

    private PathParams() {
    }

    /** An id in the path; a malformed one cannot name anything, so it is a 404. */
    public static UUID uuid(ServerRequest request, String name) {
        String value = request.path().pathParameters().get(name);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFound("no such " + name.replace("_id", "").replace("id", "item") + ": " + value);
        }
    }

    /** An optional whole-number query parameter. */
    public static Integer queryInt(ServerRequest request, String name) {
        var values = request.query();
        if (!values.contains(name)) {
            return null;
        }
        try {
            return Integer.parseInt(values.get(name));
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, "must be a whole number");
        }
    }

    public static String query(ServerRequest request, String name) {
        return request.query().contains(name) ? request.query().get(name) : null;
    }
}
