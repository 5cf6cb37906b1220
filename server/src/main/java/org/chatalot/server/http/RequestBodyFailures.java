package org.chatalot.server.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectTransportRequest;
import io.helidon.webserver.http.ServerRequest;

import org.chatalot.server.error.ServiceException;

/**
 * Sorts what can go wrong while a request body is read, which Helidon reports with assorted unchecked
 * exceptions. The client's broken framing (a chunk size that is not hex or does not fit in an int, which
 * Helidon 4.5 reports as a bare {@link NumberFormatException}) becomes the same request error Helidon raises
 * for its other framing faults (a bad last chunk): Helidon then answers it through our direct handlers, with
 * a JSON 400 and {@code Connection: close}, because nothing after broken framing can be parsed. Anything
 * else means the peer went away and there is nobody left to answer. None of these is the server's fault,
 * so none is logged as one.
 */
final class RequestBodyFailures {
    private RequestBodyFailures() {
    }

    /** What to throw instead of {@code failure}, raised by reading the body of {@code request}. */
    static RuntimeException translate(Exception failure, ServerRequest request) {
        return switch (failure) {
            case ServiceException ours -> ours;
            case RequestException helidons -> helidons;
            case IllegalArgumentException badChunkSize -> RequestException.builder()
                    .type(DirectHandler.EventType.BAD_REQUEST)
                    .status(Status.BAD_REQUEST_400)
                    .setKeepAlive(false)
                    .request(DirectTransportRequest.create(request.prologue(), request.headers()))
                    .message("Invalid chunk size in a chunked request body")
                    .cause(badChunkSize)
                    .build();
            default -> new UploadBody.ClientGone(failure);
        };
    }
}
