package org.chatalot.server.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.chatalot.server.config.Cidr;

/**
 * Decides what to believe about a request that may have crossed proxies. Forwarded headers count only
 * when the TCP peer is a trusted proxy; the client is then the right-most {@code X-Forwarded-For} (or
 * RFC 7239 {@code Forwarded: for=}) hop that is not itself a trusted proxy, so a client cannot choose its
 * own address by sending the header.
 */
public final class ProxyResolver {
    /** Headers shown verbatim in diagnostics. */
    public static final List<String> FORWARDED_HEADERS = List.of(
            "Forwarded", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port",
            "X-Real-IP");

    private final List<Cidr> trustedProxies;

    public ProxyResolver(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * @param peer       the TCP peer address
     * @param headers    request header lookup (first value of a header, or empty)
     * @param secure     whether the connection to us is TLS (never, behind a terminating proxy)
     * @param authority  the Host header as received
     */
    public ClientInfo resolve(SocketAddress peer, HeaderLookup headers, boolean secure, String authority) {
        InetAddress peerAddress = peer instanceof InetSocketAddress inet ? inet.getAddress() : null;
        String peerIp = peerAddress == null ? "unknown" : peerAddress.getHostAddress();
        Map<String, String> forwarded = new LinkedHashMap<>();
        for (String name : FORWARDED_HEADERS) {
            headers.all(name).ifPresent(value -> forwarded.put(name, value));
        }
        String ownScheme = secure ? "https" : "http";
        if (peerAddress == null || !isTrusted(peerAddress)) {
            return new ClientInfo(peerIp, peerIp, false, ownScheme, authority, forwarded);
        }
        Rfc7239 rfc = Rfc7239.parse(forwarded.get("Forwarded"));
        List<String> chain = rfc.forChain().isEmpty() ? split(forwarded.get("X-Forwarded-For")) : rfc.forChain();
        String clientIp = clientFromChain(chain, peerIp)
                .or(() -> chain.isEmpty() ? literal(forwarded.get("X-Real-IP")) : Optional.empty())
                .orElse(peerIp);
        String scheme = rfc.proto().or(() -> firstToken(forwarded.get("X-Forwarded-Proto")))
                .map(s -> s.toLowerCase(Locale.ROOT))
                .filter(s -> s.equals("https") || s.equals("http"))
                .orElse(ownScheme);
        String host = rfc.host().or(() -> firstToken(forwarded.get("X-Forwarded-Host")))
                .filter(ProxyResolver::isPlausibleHost)
                .orElse(authority);
        return new ClientInfo(clientIp, peerIp, true, scheme, host, forwarded);
    }

    public boolean isTrusted(InetAddress address) {
        for (Cidr cidr : trustedProxies) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Walks the hops right to left, skipping trusted proxies; stops at garbage rather than guess. */
    private Optional<String> clientFromChain(List<String> chain, String peerIp) {
        String lastTrusted = peerIp;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = parseHop(chain.get(i));
            if (hop.isEmpty()) {
                return Optional.of(lastTrusted);
            }
            if (!isTrusted(hop.get())) {
                return Optional.of(hop.get().getHostAddress());
            }
            lastTrusted = hop.get().getHostAddress();
        }
        return chain.isEmpty() ? Optional.empty() : Optional.of(lastTrusted);
    }

    private static Optional<String> literal(String value) {
        return value == null ? Optional.empty() : parseHop(value.trim()).map(InetAddress::getHostAddress);
    }

    /** Accepts {@code 1.2.3.4}, {@code 1.2.3.4:5678}, {@code 2001:db8::1}, {@code [2001:db8::1]:443}. */
    static Optional<InetAddress> parseHop(String hop) {
        String value = hop.trim();
        if (value.startsWith("\"") && value.endsWith("\"") && value.length() > 1) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            value = value.substring(1, end);
        } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            value = value.substring(0, value.indexOf(':'));
        }
        try {
            return Optional.of(InetAddress.getByAddress(Cidr.parse(value).network()));
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static List<String> split(String header) {
        List<String> out = new ArrayList<>();
        if (header != null) {
            for (String part : header.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static Optional<String> firstToken(String header) {
        return split(header).stream().findFirst();
    }

    private static boolean isPlausibleHost(String host) {
        return host.matches("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");
    }

    /** Header access independent of Helidon types, so the resolver is testable on its own. */
    @FunctionalInterface
    public interface HeaderLookup {
        /** All values of the header joined with ", " (as a proxy chain appends them), or empty. */
        Optional<String> all(String name);
    }

    /** The parts of an RFC 7239 {@code Forwarded} header we use. */
    record Rfc7239(List<String> forChain, Optional<String> proto, Optional<String> host) {
        static Rfc7239 parse(String header) {
            List<String> chain = new ArrayList<>();
            Optional<String> proto = Optional.empty();
            Optional<String> host = Optional.empty();
            if (header != null) {
                for (String element : header.split(",")) {
                    for (String pair : element.split(";")) {
                        int eq = pair.indexOf('=');
                        if (eq < 0) {
                            continue;
                        }
                        String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                        String value = unquote(pair.substring(eq + 1).trim());
                        switch (key) {
                            case "for" -> chain.add(value);
                            case "proto" -> proto = proto.isPresent() ? proto : Optional.of(value);
                            case "host" -> host = host.isPresent() ? host : Optional.of(value);
                            default -> { }
                        }
                    }
                }
            }
            return new Rfc7239(chain, proto, host);
        }

        private static String unquote(String value) {
            return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                    ? value.substring(1, value.length() - 1) : value;
        }
    }
}
