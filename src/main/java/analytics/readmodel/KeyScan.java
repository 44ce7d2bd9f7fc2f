package analytics.readmodel;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Removes the read-model keys that match a pattern. SCAN sees one node only, so on a Redis
 * Cluster every master is scanned through a connection of its own.
 */
@ApplicationScoped
class KeyScan {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Redis redis;
    private final Vertx vertx;
    private final boolean cluster;
    private final String userInfo;

    KeyScan(Redis redis, Vertx vertx,
            @ConfigProperty(name = "quarkus.redis.client-type", defaultValue = "standalone") String clientType,
            @ConfigProperty(name = "quarkus.redis.hosts") List<URI> hosts) {
        this.redis = redis;
        this.vertx = vertx;
        this.cluster = "cluster".equalsIgnoreCase(clientType);
        this.userInfo = hosts.isEmpty() || hosts.get(0).getRawUserInfo() == null ? "" : hosts.get(0).getRawUserInfo() + "@";
    }

    void unlinkMatching(String pattern) {
        if (!cluster) {
            unlinkOn(redis, pattern);
            return;
        }
        for (String master : masters()) {
            Redis node = Redis.createClient(vertx, "redis://" + userInfo + master);
            try {
                unlinkOn(node, pattern);
            } finally {
                node.close();
            }
        }
    }

    /** host:port of every master, from CLUSTER NODES. */
    private List<String> masters() {
        String nodes = redis.send(Request.cmd(Command.CLUSTER).arg("NODES")).await().atMost(CALL_TIMEOUT).toString();
        List<String> masters = new ArrayList<>();
        for (String line : nodes.split("\n")) {
            String[] fields = line.strip().split(" ");
            if (fields.length > 2 && fields[2].contains("master") && !fields[2].contains("fail")) {
                String address = fields[1];
                masters.add(address.substring(0, address.indexOf('@') < 0 ? address.length() : address.indexOf('@')));
            }
        }
        return masters;
    }

    /** One UNLINK per key: a cluster node refuses multi-key commands that span hash slots. */
    private static void unlinkOn(Redis node, String pattern) {
        scan(node, pattern, keys -> node.batch(keys.stream().map(key -> Request.cmd(Command.UNLINK).arg(key)).toList())
                .await().atMost(CALL_TIMEOUT));
    }

    private static void scan(Redis node, String pattern, Consumer<List<String>> page) {
        String cursor = "0";
        do {
            Response answer = node.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(pattern)
                    .arg("COUNT").arg(1000)).await().atMost(CALL_TIMEOUT);
            cursor = answer.get(0).toString();
            List<String> keys = new ArrayList<>();
            answer.get(1).forEach(key -> keys.add(key.toString()));
            if (!keys.isEmpty()) {
                page.accept(keys);
            }
        } while (!"0".equals(cursor));
    }
}
