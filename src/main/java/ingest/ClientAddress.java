package ingest;

import events.api.ClientAddresses;
import jakarta.enterprise.context.ApplicationScoped;

/** The visitor's IP: the socket peer, or what a trusted proxy forwarded. */
@ApplicationScoped
class ClientAddress {

    private final ClientAddresses addresses;

    ClientAddress(IngestConfig config) {
        this.addresses = ClientAddresses.trusting(config.trustedProxies());
    }

    String of(String peer, String forwardedFor, String forwarded) {
        return addresses.of(peer, forwardedFor, forwarded);
    }
}
