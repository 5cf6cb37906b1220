package org.chatalot.server.http;

import java.util.List;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import org.chatalot.model.ApiPaths;

/** First filter on the public listener: assigns the request id and resolves who the client is. */
public final class RequestContextFilter implements Filter {
    private final RequestIds requestIds;
    private final ProxyResolver proxyResolver;

    public RequestContextFilter(RequestIds requestIds, ProxyResolver proxyResolver) {
        this.requestIds = requestIds;
        this.proxyResolver = proxyResolver;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String id = requestIds.next();
        RequestIds.store(request, id);
        response.headers().set(HeaderNames.create(ApiPaths.REQUEST_ID_HEADER), id);
        ClientInfo info = proxyResolver.resolve(request.remotePeer().address(),
                name -> allValues(request, name), request.isSecure(), request.authority());
        ClientInfo.store(request, info);
        chain.proceed();
    }

    private static Optional<String> allValues(RoutingRequest request, String name) {
        var header = HeaderNames.create(name);
        if (!request.headers().contains(header)) {
            return Optional.empty();
        }
        List<String> values = request.headers().get(header).allValues();
        return Optional.of(String.join(", ", values));
    }
}
