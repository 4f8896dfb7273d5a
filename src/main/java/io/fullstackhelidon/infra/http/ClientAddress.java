package io.fullstackhelidon.infra.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * Who the client is: the socket's peer, or, when that peer is a configured trusted proxy, the nearest address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy. Without trusted proxies the header is ignored, so a
 * client cannot pick its own address.
 */
public final class ClientAddress {

    private final List<Network> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(Network::parse).toList();
    }

    /** The client's address as text. */
    public String of(ServerRequest request) {
        String peer = peer(request);
        if (!trusted(peer)) {
            return peer;
        }
        List<String> forwarded = request.headers().all(HeaderNames.X_FORWARDED_FOR, List::of).stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            if (!trusted(forwarded.get(i))) {
                return forwarded.get(i);
            }
        }
        return forwarded.isEmpty() ? peer : forwarded.getFirst();
    }

    /** Whether the request came through a trusted proxy that says the client used https. */
    public boolean forwardedHttps(ServerRequest request) {
        return trusted(peer(request))
               && request.headers().first(HeaderNames.X_FORWARDED_PROTO).map("https"::equalsIgnoreCase).orElse(false);
    }

    private boolean trusted(String address) {
        if (trustedProxies.isEmpty()) {
            return false;
        }
        Optional<InetAddress> parsed = Network.literal(address);
        return parsed.isPresent() && trustedProxies.stream().anyMatch(network -> network.contains(parsed.get()));
    }

    private static String peer(ServerRequest request) {
        SocketAddress address = request.remotePeer().address();
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return request.remotePeer().host();
    }

    /** An address range in CIDR notation ({@code 10.0.0.0/8}) or a single address. */
    private record Network(byte[] base, int prefixBits) {

        static Network parse(String cidr) {
            String[] parts = cidr.split("/", 2);
            InetAddress address = literal(parts[0]).orElseThrow(
                    () -> new IllegalArgumentException("Not an IP address or CIDR range: " + cidr));
            int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : address.getAddress().length * 8;
            return new Network(address.getAddress(), bits);
        }

        /** Parses an IP literal without ever resolving a host name. */
        static Optional<InetAddress> literal(String text) {
            String candidate = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
            if (!candidate.matches("[0-9a-fA-F:.]+")) {
                return Optional.empty();
            }
            try {
                return Optional.of(InetAddress.getByName(candidate));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != base.length) {
                return false;
            }
            int fullBytes = prefixBits / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (bytes[i] != base[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest);
            return (bytes[fullBytes] & mask) == (base[fullBytes] & mask);
        }
    }
}
