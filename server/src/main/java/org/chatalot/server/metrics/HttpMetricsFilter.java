package org.chatalot.server.metrics;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every public request by method, status and area ({@code api}, {@code ws}, {@code static}). Every tag
 * takes few values whatever clients send, because each series lives (and is scraped) for as long as the
 * server runs: paths are not tags (ids in them), and a method name that HTTP does not define counts as
 * {@code OTHER} (Helidon accepts any token as a method, so each made-up one was a new series). Status codes
 * are the server's own answers.
 */
public final class HttpMetricsFilter implements Filter {
    private static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS", "TRACE", "CONNECT");
    private final MeterRegistry registry;

    public HttpMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        long start = System.nanoTime();
        String area = area(request.path().path());
        try {
            chain.proceed();
        } finally {
            Timer.builder("chatalot.http.requests")
                    .description("public HTTP requests")
                    .tag("method", method(request.prologue().method().text()))
                    .tag("status", Integer.toString(response.status().code()))
                    .tag("area", area)
                    .publishPercentileHistogram(false)
                    .register(registry)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    static String method(String name) {
        return STANDARD_METHODS.contains(name) ? name : "OTHER";
    }

    static String area(String path) {
        if (path.startsWith("/api/")) {
            return "api";
        }
        if (path.equals("/ws")) {
            return "ws";
        }
        return "static";
    }
}
