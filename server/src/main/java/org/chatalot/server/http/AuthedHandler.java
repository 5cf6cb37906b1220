package org.chatalot.server.http;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.chatalot.server.common.Principal;

/** A handler that runs only for an authenticated caller with the required role. */
@FunctionalInterface
public interface AuthedHandler {
    void handle(Principal caller, ServerRequest request, ServerResponse response);
}
