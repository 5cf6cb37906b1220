package org.chatalot.model.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code {"error":{"code":"…","message":"…"}}}, the body of every non-2xx response.
 * {@code field} names the offending input on validation errors; {@code request_id} lets an operator
 * find the matching log line for a 500.
 */
public record ErrorBody(ErrorDetail error) {

    public static ErrorBody of(String code, String message) {
        return new ErrorBody(new ErrorDetail(code, message, null, null));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorDetail(String code,
                              String message,
                              String field,
                              @JsonProperty("request_id") String requestId) {
    }
}
