package ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    static ClientAddress trusting(String... proxies) {
        return new ClientAddress(new IngestConfig() {
            public int writerThreads() { return 1; }
            public int batchSize() { return 1; }
            public int maxAttempts() { return 1; }
            public Duration reclaimAfter() { return Duration.ZERO; }
            public List<String> trustedProxies() { return List.of(proxies); }
            public Duration enqueueTimeout() { return Duration.ZERO; }
            public Duration pauseAfterCommit() { return Duration.ZERO; }
            public RateLimit rateLimit() { return null; }
        });
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertEquals("203.0.113.9", trusting("127.0.0.0/8").of("203.0.113.9", "1.2.3.4", null));
    }

    @Test
    void aTrustedProxyIsBelievedUpToTheFirstUntrustedHop() {
        ClientAddress clients = trusting("127.0.0.0/8", "10.0.0.0/8");
        assertEquals("198.51.100.7", clients.of("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3", null));
        assertEquals("198.51.100.7", clients.of("10.0.0.5", "198.51.100.7", null));
        assertEquals("2001:db8::1", clients.of("127.0.0.1", null, "for=\"[2001:db8::1]:4711\";proto=https"));
        assertEquals("198.51.100.8", clients.of("127.0.0.1", null, "for=198.51.100.8, for=10.0.0.1"));
        assertEquals("127.0.0.1", clients.of("127.0.0.1", null, null));
    }

    @Test
    void ipv6RangesWork() {
        ClientAddress clients = trusting("::1", "fd00::/8");
        assertEquals("192.0.2.1", clients.of("fd12::5", "192.0.2.1", null));
        assertEquals("fe80::1", clients.of("fe80::1", "192.0.2.1", null));
    }
}
