package org.chatalot.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.HttpMediaType;
import io.helidon.http.HttpMediaTypes;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.chatalot.model.ApiPaths;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.model.error.ErrorCodes;
import org.chatalot.server.error.Conflict;
import org.chatalot.server.error.Forbidden;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.MethodNotAllowed;
import org.chatalot.server.error.NotFound;
import org.chatalot.server.error.PayloadTooLarge;
import org.chatalot.server.error.RangeNotSatisfiable;
import org.chatalot.server.error.ServiceException;
import org.chatalot.server.error.TooMany;
import org.chatalot.server.error.Unauthorized;
import org.chatalot.server.error.Unavailable;
import org.chatalot.server.error.UnsupportedMedia;

/**
 * The one place that writes error responses: typed service failures, Helidon's own HTTP errors, failures
 * before routing (malformed requests, oversized bodies) and unexpected exceptions all leave as
 * {@code {"error":{"code","message"}}}. Unexpected exceptions are logged once with the request id and
 * never echoed to the client.
 */
public final class ErrorResponses {
    private static final System.Logger LOG = System.getLogger(ErrorResponses.class.getName());

    private final Json json;
    private final RequestIds requestIds;

    public ErrorResponses(Json json, RequestIds requestIds) {
        this.json = json;
        this.requestIds = requestIds;
    }

    /** Installs the handlers on a routing; call last so nothing registered later shadows them. */
    public void register(HttpRouting.Builder routing) {
        routing.error(ServiceException.class, (req, res, e) -> send(res, e));
        routing.error(HttpException.class, (req, res, e) -> sendHttpException(req, res, e));
        routing.error(Exception.class, this::sendUnexpected);
    }

    /** Failures Helidon raises before a request reaches routing (bad request line, body over the limit). */
    public DirectHandlers directHandlers() {
        DirectHandler handler = this::direct;
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    public void send(ServerResponse response, ServiceException e) {
        Status status = status(e);
        String field = switch (e) {
            case InvalidInput invalid -> invalid.field();
            case Conflict conflict -> conflict.field();
            default -> null;
        };
        if (e instanceof TooMany tooMany) {
            response.header(HeaderNames.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
        } else if (e instanceof Unavailable unavailable && unavailable.retryAfterSeconds() > 0) {
            response.header(HeaderNames.RETRY_AFTER, Long.toString(unavailable.retryAfterSeconds()));
        } else if (e instanceof MethodNotAllowed notAllowed) {
            response.header(HeaderNames.ALLOW, String.join(", ", notAllowed.allowed()));
        } else if (e instanceof RangeNotSatisfiable range) {
            response.header(HeaderNames.CONTENT_RANGE, "bytes */" + range.length());
        }
        json.send(response, status, new ErrorBody(new ErrorBody.ErrorDetail(e.code(), e.getMessage(), field, null)));
    }

    /**
     * A whole HTTP/1.1 408 answer, written straight to a connection whose client sent its request too slowly
     * (no request object exists yet, or its body never finished); the connection is closed after it.
     */
    public byte[] requestTimeout(String message) {
        String requestId = requestIds.next();
        byte[] body = json.bytes(ErrorBody.of(ErrorCodes.REQUEST_TIMEOUT, message));
        ServerResponseHeaders headers = ServerResponseHeaders.create();
        SecurityHeaders.applyBaseline(headers);
        headers.set(HeaderNames.CONTENT_TYPE, HttpMediaTypes.JSON_UTF_8.text());
        headers.set(HeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
        headers.set(HeaderNames.CONNECTION, "close");
        headers.set(HeaderNames.create(ApiPaths.REQUEST_ID_HEADER), requestId);
        StringBuilder head = new StringBuilder("HTTP/1.1 408 Request Timeout\r\n");
        headers.forEach(header -> head.append(header.name()).append(": ").append(header.values()).append("\r\n"));
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] response = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, response, headBytes.length, body.length);
        return response;
    }

    static Status status(ServiceException e) {
        return switch (e) {
            case InvalidInput ignored -> Status.BAD_REQUEST_400;
            case Unauthorized ignored -> Status.UNAUTHORIZED_401;
            case Forbidden ignored -> Status.FORBIDDEN_403;
            case NotFound ignored -> Status.NOT_FOUND_404;
            case MethodNotAllowed ignored -> Status.METHOD_NOT_ALLOWED_405;
            case Conflict ignored -> Status.CONFLICT_409;
            case PayloadTooLarge ignored -> Status.REQUEST_ENTITY_TOO_LARGE_413;
            case UnsupportedMedia ignored -> Status.UNSUPPORTED_MEDIA_TYPE_415;
            case TooMany ignored -> Status.TOO_MANY_REQUESTS_429;
            case RangeNotSatisfiable ignored -> Status.REQUESTED_RANGE_NOT_SATISFIABLE_416;
            case Unavailable ignored -> Status.SERVICE_UNAVAILABLE_503;
        };
    }

    private void sendHttpException(ServerRequest request, ServerResponse response, HttpException e) {
        Status status = e.status();
        if (status.code() >= 500) {
            sendUnexpected(request, response, e);
            return;
        }
        String message = status == Status.NOT_FOUND_404 ? "no such resource: " + request.prologue().uriPath().path()
                : status.reasonPhrase();
        json.send(response, status, ErrorBody.of(codeFor(status), message));
    }

    private void sendUnexpected(ServerRequest request, ServerResponse response, Exception e) {
        String requestId = RequestIds.of(request);
        LOG.log(System.Logger.Level.ERROR, "Request " + requestId + " failed: " + request.prologue().method().text()
                + " " + request.prologue().uriPath().path(), e);
        json.send(response, Status.INTERNAL_SERVER_ERROR_500, new ErrorBody(new ErrorBody.ErrorDetail(
                ErrorCodes.INTERNAL_ERROR, "internal error; quote request id " + requestId + " to the operator",
                null, requestId)));
    }

    private DirectHandler.TransportResponse direct(DirectHandler.TransportRequest request,
                                                   DirectHandler.EventType eventType,
                                                   Status defaultStatus,
                                                   ServerResponseHeaders headers,
                                                   String message) {
        String requestId = requestIds.next();
        String text = directMessage(eventType, defaultStatus, requestId);
        boolean ourFault = isServerFault(defaultStatus);
        if (ourFault) {
            LOG.log(System.Logger.Level.ERROR, "Request " + requestId + " failed before routing: " + message);
        }
        headers.set(HeaderNames.CONTENT_TYPE, HttpMediaTypes.JSON_UTF_8.text());
        headers.set(HeaderNames.create(ApiPaths.REQUEST_ID_HEADER), requestId);
        SecurityHeaders.applyBaseline(headers);
        byte[] body = json.bytes(new ErrorBody(new ErrorBody.ErrorDetail(codeFor(defaultStatus), text, null,
                ourFault ? requestId : null)));
        return DirectHandler.TransportResponse.builder()
                .status(defaultStatus)
                .headers(headers)
                .entity(body)
                .build();
    }

    /**
     * Whether a failure before routing is the server's, worth an operator's attention. 501 (a transfer coding
     * other than chunked) and 505 (an HTTP version we do not speak) answer what the client asked for.
     */
    private static boolean isServerFault(Status status) {
        return status.code() >= 500 && status.code() != Status.NOT_IMPLEMENTED_501.code()
                && status.code() != Status.HTTP_VERSION_NOT_SUPPORTED_505.code();
    }

    private static String directMessage(DirectHandler.EventType eventType, Status status, String requestId) {
        if (status.code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
            // Helidon reports an over-long Content-Length as a BAD_REQUEST event with status 413.
            return "request body is larger than this server accepts";
        }
        if (status.code() == Status.REQUEST_URI_TOO_LONG_414.code()) {
            return "the request line (method and URL) is too long";
        }
        if (status.code() == Status.NOT_IMPLEMENTED_501.code()) {
            // Helidon's answer to a Transfer-Encoding other than chunked.
            return "this server does not implement what the request needs; send the body with Content-Length "
                    + "or Transfer-Encoding: chunked";
        }
        return switch (eventType) {
            case PAYLOAD_TOO_LARGE -> "request body is larger than this server accepts";
            case BAD_REQUEST -> "malformed HTTP request";
            case HTTP_VERSION_NOT_SUPPORTED -> "HTTP version not supported";
            case FORBIDDEN -> "forbidden";
            case INTERNAL_ERROR, OTHER -> status.code() >= 500
                    ? "internal error; quote request id " + requestId + " to the operator" : status.reasonPhrase();
        };
    }

    static String codeFor(Status status) {
        return switch (status.code()) {
            case 400 -> ErrorCodes.BAD_REQUEST;
            case 401 -> ErrorCodes.UNAUTHORIZED;
            case 403 -> ErrorCodes.FORBIDDEN;
            case 404 -> ErrorCodes.NOT_FOUND;
            case 405 -> ErrorCodes.METHOD_NOT_ALLOWED;
            case 408 -> ErrorCodes.REQUEST_TIMEOUT;
            case 409 -> ErrorCodes.CONFLICT;
            case 413 -> ErrorCodes.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            case 416 -> ErrorCodes.RANGE_NOT_SATISFIABLE;
            case 429 -> ErrorCodes.RATE_LIMITED;
            case 501 -> ErrorCodes.NOT_IMPLEMENTED;
            case 503 -> ErrorCodes.UNAVAILABLE;
            default -> status.code() >= 500 ? ErrorCodes.INTERNAL_ERROR : ErrorCodes.BAD_REQUEST;
        };
    }
}
