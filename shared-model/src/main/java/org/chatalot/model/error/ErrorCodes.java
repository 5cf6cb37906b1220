package org.chatalot.model.error;

/** Machine-readable values of {@code error.code}. Clients branch on these, never on messages. */
public final class ErrorCodes {
    public static final String VALIDATION_FAILED = "validation_failed";
    public static final String MALFORMED_JSON = "malformed_json";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not_found";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String CONFLICT = "conflict";
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String RATE_LIMITED = "rate_limited";
    /** The request's headers or body arrived too slowly; the connection is closed. */
    public static final String REQUEST_TIMEOUT = "request_timeout";
    public static final String RANGE_NOT_SATISFIABLE = "range_not_satisfiable";
    public static final String BAD_REQUEST = "bad_request";
    public static final String NOT_IMPLEMENTED = "not_implemented";
    public static final String INTERNAL_ERROR = "internal_error";
    public static final String UNAVAILABLE = "unavailable";
    /** 503: the server's disk is nearly full, so it takes no new data (reads go on); tell the operator. */
    public static final String STORAGE_FULL = "storage_full";

    private ErrorCodes() {
    }
}
