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
import org.chatalot.server.config.ForwardedHeaders;

/**
 * Decides what to believe about a request that may have crossed proxies. Forwarded headers count only when
 * the TCP peer is a trusted proxy, and then only the one family the proxy writes ({@code FORWARDED_HEADERS}):
 * a proxy passes the other family through untouched, so believing it would let the client write it. Within
 * that family the client is the right-most hop that is not itself a trusted proxy, so a client cannot choose
 * its own address by prepending hops, and the scheme and host are the ones the proxy that saw that client
 * wrote.
 */
public final class ProxyResolver {
    /** Headers shown verbatim in diagnostics, believed or not. */
    public static final List<String> FORWARDED_HEADERS = List.of(
            "Forwarded", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port",
            "X-Real-IP");

    private final List<Cidr> trustedProxies;
    private final ForwardedHeaders family;

    public ProxyResolver(List<Cidr> trustedProxies, ForwardedHeaders family) {
        this.trustedProxies = List.copyOf(trustedProxies);
        this.family = family;
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
        Hops hops = switch (family) {
            case X_FORWARDED -> Hops.xForwarded(forwarded);
            case FORWARDED -> Hops.rfc7239(forwarded.get("Forwarded"));
        };
        int client = clientHop(hops.addresses());
        String clientIp = addressOf(hops, client).orElse(peerIp);
        String scheme = hops.protoOf(client)
                .map(s -> s.toLowerCase(Locale.ROOT))
                .filter(s -> s.equals("https") || s.equals("http"))
                .orElse(ownScheme);
        String host = hops.hostOf(client).filter(ProxyResolver::isPlausibleHost).orElse(authority);
        return new ClientInfo(clientIp, peerIp, true, scheme, host, forwarded);
    }

    /** The client's address: its hop, or with no hops at all the fallback header; empty means the peer. */
    private static Optional<String> addressOf(Hops hops, int client) {
        if (client < hops.size()) {
            return parseHop(hops.addresses().get(client)).map(InetAddress::getHostAddress);
        }
        return hops.size() == 0 ? hops.fallbackAddress().flatMap(ProxyResolver::literal) : Optional.empty();
    }

    public boolean isTrusted(InetAddress address) {
        for (Cidr cidr : trustedProxies) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Walks the hops right to left, skipping trusted proxies, and returns the index of the client: the first
     * untrusted hop; the left-most when all are trusted; or the hop right of one that does not parse (garbage
     * is never guessed at), which is {@code addresses.size()} (the peer itself) when the right-most is garbage.
     */
    private int clientHop(List<String> addresses) {
        for (int i = addresses.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = parseHop(addresses.get(i));
            if (hop.isEmpty()) {
                return i + 1;
            }
            if (!isTrusted(hop.get())) {
                return i;
            }
        }
        return 0;
    }

    private static Optional<String> literal(String value) {
        return parseHop(value.trim()).map(InetAddress::getHostAddress);
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

    private static boolean isPlausibleHost(String host) {
        return host.matches("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");
    }

    /** Header access independent of Helidon types, so the resolver is testable on its own. */
    @FunctionalInterface
    public interface HeaderLookup {
        /** All values of the header joined with ", " (as a proxy chain appends them), or empty. */
        Optional<String> all(String name);
    }

    /**
     * The hops one family of headers describes, left (farthest) to right (nearest), with the scheme and host
     * each hop's proxy reported where it reported one.
     *
     * @param addresses       the {@code for} of each hop, as sent
     * @param protos          the reported schemes: one per hop, or however many a proxy wrote
     * @param hosts           the reported hosts, likewise
     * @param fallbackAddress a single-address header to use when there are no hops ({@code X-Real-IP})
     */
    record Hops(List<String> addresses, List<Optional<String>> protos, List<Optional<String>> hosts,
                Optional<String> fallbackAddress) {

        int size() {
            return addresses.size();
        }

        Optional<String> protoOf(int hop) {
            return reportedBy(protos, hop);
        }

        Optional<String> hostOf(int hop) {
            return reportedBy(hosts, hop);
        }

        /**
         * The value the proxy that saw hop {@code hop} wrote when there is one value per hop (every proxy
         * appended); otherwise the right-most, which the nearest proxy wrote (it overwrote or appended last).
         */
        private Optional<String> reportedBy(List<Optional<String>> values, int hop) {
            if (values.isEmpty()) {
                return Optional.empty();
            }
            return values.size() == size() && hop < size() ? values.get(hop) : values.get(values.size() - 1);
        }

        static Hops xForwarded(Map<String, String> headers) {
            return new Hops(split(headers.get("X-Forwarded-For")), present(split(headers.get("X-Forwarded-Proto"))),
                    present(split(headers.get("X-Forwarded-Host"))), Optional.ofNullable(headers.get("X-Real-IP")));
        }

        /** RFC 7239: one element per hop, each with its own {@code for}, {@code proto} and {@code host}. */
        static Hops rfc7239(String header) {
            List<String> addresses = new ArrayList<>();
            List<Optional<String>> protos = new ArrayList<>();
            List<Optional<String>> hosts = new ArrayList<>();
            if (header != null) {
                for (String element : header.split(",")) {
                    if (element.isBlank()) {
                        continue;
                    }
                    Map<String, String> pairs = new LinkedHashMap<>();
                    for (String pair : element.split(";")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            pairs.putIfAbsent(pair.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                                    unquote(pair.substring(eq + 1).trim()));
                        }
                    }
                    // An element without "for" still stands for a hop; "" never parses, so the walk stops there.
                    addresses.add(pairs.getOrDefault("for", ""));
                    protos.add(Optional.ofNullable(pairs.get("proto")));
                    hosts.add(Optional.ofNullable(pairs.get("host")));
                }
            }
            return new Hops(addresses, protos, hosts, Optional.empty());
        }

        private static List<Optional<String>> present(List<String> values) {
            return values.stream().map(Optional::of).toList();
        }

        private static String unquote(String value) {
            return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                    ? value.substring(1, value.length() - 1) : value;
        }
    }
}
