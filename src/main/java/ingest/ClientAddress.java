package ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** The visitor's IP: the socket peer, or what a trusted proxy forwarded. */
@ApplicationScoped
class ClientAddress {

    private final List<Cidr> trusted;

    ClientAddress(IngestConfig config) {
        this.trusted = config.trustedProxies().stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(Cidr::parse).toList();
    }

    String of(String peer, String forwardedFor, String forwarded) {
        if (peer == null || !isTrusted(peer)) {
            return peer == null ? "" : peer;
        }
        List<String> chain = forwarded != null ? Forwarding.forwardedChain(forwarded)
                : forwardedFor != null ? Forwarding.xForwardedForChain(forwardedFor) : List.of();
        // walk from the nearest hop back; the first address we do not trust is the client
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (!isTrusted(hop) || i == 0) {
                return hop;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        InetAddress ip = Cidr.literal(address);
        return ip != null && trusted.stream().anyMatch(range -> range.contains(ip));
    }

    record Cidr(byte[] network, int bits) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            InetAddress ip = literal(slash < 0 ? text : text.substring(0, slash));
            if (ip == null) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + text);
            }
            int bits = slash < 0 ? ip.getAddress().length * 8 : Integer.parseInt(text.substring(slash + 1));
            return new Cidr(ip.getAddress(), bits);
        }

        boolean contains(InetAddress ip) {
            byte[] address = ip.getAddress();
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** Parses an IP literal without ever resolving a name. */
        static InetAddress literal(String text) {
            String s = text.strip();
            if (s.startsWith("[") && s.endsWith("]")) {
                s = s.substring(1, s.length() - 1);
            }
            if (s.isEmpty() || !(s.contains(":") || s.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
                return null;
            }
            try {
                return InetAddress.getByName(s);
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
