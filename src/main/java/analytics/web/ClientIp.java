package analytics.web;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import events.api.IpRange;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** The address a login comes from: the socket peer, or the nearest untrusted hop a trusted proxy forwarded. */
@ApplicationScoped
public class ClientIp {

    private final List<IpRange> trusted;

    ClientIp(@ConfigProperty(name = "footfall.ingest.trusted-proxies", defaultValue = "127.0.0.0/8,::1")
            List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(IpRange::parse)
                .toList();
    }

    public String of(RoutingContext context) {
        String peer = context.request().remoteAddress() == null ? "" : context.request().remoteAddress().hostAddress();
        String forwarded = context.request().getHeader("X-Forwarded-For");
        if (forwarded == null || !trusted(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!trusted(hop) || i == 0) {
                return hop;
            }
        }
        return peer;
    }

    private boolean trusted(String address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }
}
