package events.api;

import java.util.List;

/** Who sent a request: the socket peer, or the nearest hop a trusted proxy forwarded (Forwarded, else X-Forwarded-For). */
public final class ClientAddresses {

    private final List<IpRange> trusted;

    private ClientAddresses(List<IpRange> trusted) {
        this.trusted = trusted;
    }

    /** Trusting the proxies at these addresses or CIDR ranges (blank entries are ignored). */
    public static ClientAddresses trusting(List<String> proxies) {
        return new ClientAddresses(proxies.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(IpRange::parse).toList());
    }

    public String of(String peer, String forwardedFor, String forwarded) {
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
