package org.chatalot.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;

import org.chatalot.model.user.Role;
import org.chatalot.server.common.Origin;
import org.chatalot.server.common.Principal;
import org.chatalot.server.common.TokenVerifier;
import org.chatalot.server.config.Cidr;
import org.chatalot.server.error.Forbidden;
import org.chatalot.server.error.NotFound;
import org.chatalot.server.error.Unauthorized;

/**
 * The one authorisation helper: wraps a handler so it runs only for a caller with a valid access token and
 * at least the given role. The role comes from the account as it is now, not from the token, so a revoked
 * admin loses admin access at once. Admin routes can also be limited to client networks
 * ({@code ADMIN_ALLOWED_CIDRS}); outside them they do not exist (404).
 */
public final class Access {
    private static final String BEARER = "bearer ";
    private static final String CONTEXT_KEY = "chatalot.principal";

    private final TokenVerifier verifier;
    private final List<Cidr> adminAllowedCidrs;

    public Access(TokenVerifier verifier, List<Cidr> adminAllowedCidrs) {
        this.verifier = verifier;
        this.adminAllowedCidrs = List.copyOf(adminAllowedCidrs);
    }

    public Handler member(AuthedHandler handler) {
        return (req, res) -> handler.handle(require(req, Role.MEMBER), req, res);
    }

    public Handler admin(AuthedHandler handler) {
        return (req, res) -> {
            requireAdminNetwork(req);
            handler.handle(require(req, Role.ADMIN), req, res);
        };
    }

    public Handler owner(AuthedHandler handler) {
        return (req, res) -> {
            requireAdminNetwork(req);
            handler.handle(require(req, Role.OWNER), req, res);
        };
    }

    /** The caller, when the request carries a valid token; empty when it carries none. */
    public Optional<Principal> optional(ServerRequest request) {
        return bearer(request).map(verifier::verify);
    }

    /** Where the request came from, for sessions and audit entries. */
    public static Origin origin(ServerRequest request) {
        String agent = request.headers().first(HeaderNames.USER_AGENT).orElse(null);
        return new Origin(ClientInfo.of(request).clientIp(), agent);
    }

    private Principal require(ServerRequest request, Role minimum) {
        String token = bearer(request).orElseThrow(() ->
                new Unauthorized("sign in first: send Authorization: Bearer <access token>"));
        Principal principal = verifier.verify(token);
        if (!principal.role().atLeast(minimum)) {
            throw new Forbidden("this needs the " + minimum.wireName() + " role");
        }
        request.context().register(CONTEXT_KEY, principal);
        return principal;
    }

    private static Optional<String> bearer(ServerRequest request) {
        Optional<String> header = request.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        if (!value.toLowerCase(Locale.ROOT).startsWith(BEARER) || value.length() == BEARER.length()) {
            throw new Unauthorized("the Authorization header must be: Bearer <access token>");
        }
        return Optional.of(value.substring(BEARER.length()).trim());
    }

    private void requireAdminNetwork(ServerRequest request) {
        if (adminAllowedCidrs.isEmpty()) {
            return;
        }
        String ip = ClientInfo.of(request).clientIp();
        try {
            InetAddress address = InetAddress.getByAddress(Cidr.parse(ip).network());
            if (adminAllowedCidrs.stream().anyMatch(cidr -> cidr.contains(address))) {
                return;
            }
        } catch (IllegalArgumentException | UnknownHostException e) {
            // an unparseable client address is outside every allowed network
        }
        throw new NotFound("no such endpoint: " + request.prologue().method().text() + " "
                + request.prologue().uriPath().path());
    }
}
