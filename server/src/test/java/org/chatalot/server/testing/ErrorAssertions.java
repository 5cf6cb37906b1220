package org.chatalot.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.chatalot.model.error.ErrorBody;

/** The one error shape, asserted: status, JSON content type, code and a telling message. */
public final class ErrorAssertions {

    private ErrorAssertions() {
    }

    public static ErrorBody assertError(TestServer server, HttpResponse<String> response, int status, String code,
                                        String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        ErrorBody body = server.read(response, ErrorBody.class);
        assertThat(body.error().code()).isEqualTo(code);
        assertThat(body.error().message()).contains(message);
        return body;
    }
}
