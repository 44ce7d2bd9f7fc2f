package events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** Names this process among the replicas: consumer names and lease owners. */
@ApplicationScoped
class ReplicaId {

    private final String value = hostname() + "-" + UUID.randomUUID().toString().substring(0, 8);

    String value() {
        return value;
    }

    private static String hostname() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "footfall" : host;
    }
}
