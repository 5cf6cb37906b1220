package org.chatalot.server.metrics;

import java.util.concurrent.TimeUnit;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every public request by method, status and area ({@code api}, {@code ws}, {@code static}).
 * Paths are not tags: ids in them would make the series count unbounded.
 */
public final class HttpMetricsFilter implements Filter {
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
                    .tag("method", request.prologue().method().text())
                    .tag("status", Integer.toString(response.status().code()))
                    .tag("area", area)
                    .publishPercentileHistogram(false)
                    .register(registry)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
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
