package ingest;

import java.util.List;

import events.api.IpRange;
import jakarta.enterprise.context.ApplicationScoped;

/** The visitor's IP: the socket peer, or what a trusted proxy forwarded. */
@ApplicationScoped
class ClientAddress {

    private final List<IpRange> trusted;

    ClientAddress(IngestConfig config) {
        this.trusted = config.trustedProxies().stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(IpRange::parse).toList();
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
        return trusted.stream().anyMatch(range -> range.contains(address));
    }
}
