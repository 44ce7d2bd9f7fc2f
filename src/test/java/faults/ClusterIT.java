package faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Footfall on a three-master Redis Cluster: two replicas, six stream partitions, hits for many
 * sites. Every site's numbers are exact on both replicas and every master holds part of the data.
 */
class ClusterIT {

    private static final int SITES = 24;
    @RegisterExtension
    static final FaultStack stack = new FaultStack("cluster");
    private static PrivateRedisCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        Path dir = Files.createTempDirectory("footfall-cluster-");
        cluster = new PrivateRedisCluster(dir, Path.of("target/faults/cluster").toAbsolutePath()).start();
    }

    @AfterAll
    static void cleanUp() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void manySitesOnAClusterAreCountedExactlyAndSpreadOverEveryMaster() throws Exception {
        String[] onCluster = {"-Dquarkus.redis.client-type=cluster", "-Dquarkus.redis.hosts=" + cluster.hosts(),
                "-Dfootfall.events.partitions=6"};
        List<FootfallProcess> replicas = List.of(stack.footfall("cluster-a").start(onCluster),
                stack.footfall("cluster-b").start(onCluster));
        List<FootfallApi> apis = replicas.stream().map(r -> new FootfallApi(r.baseUrl())).toList();
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> sites = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            sites.add("s" + i + "-" + run + ".example");
            apis.get(i % 2).createSite(sites.get(i));
        }
        String probe = "probe-" + run + ".example";
        apis.get(0).createSite(probe);
        apis.forEach(api -> api.awaitSiteKnown(probe));

        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < SITES; i++) {
            for (int visitor = 0; visitor < expected(i); visitor++) {
                URI base = replicas.get((i + visitor) % 2).baseUrl();
                HttpResponse<String> answer = http.send(hit(base, sites.get(i), visitor), HttpResponse.BodyHandlers.ofString());
                assertEquals(202, answer.statusCode(), answer.body());
                assertTrue(answer.headers().firstValue("X-Footfall-Dropped").isEmpty(), sites.get(i));
            }
        }

        for (int i = 0; i < SITES; i++) {
            String site = sites.get(i);
            long want = expected(i);
            Processes.await(site + " stored", Duration.ofSeconds(60), () -> rows(site) == want);
            for (FootfallApi api : apis) {
                Processes.await(site + " counted on " + api.base(), Duration.ofSeconds(30),
                        () -> api.totals(site).pageviews() == want);
                FootfallApi.Totals totals = api.totals(site);
                assertEquals(want, totals.pageviews(), site);
                // unique visitors are HyperLogLog estimates; at these sizes they are off by one at most
                assertTrue(Math.abs(totals.visitors() - want) <= 1, site + ": " + totals);
            }
        }
        for (int port : cluster.ports()) {
            String readModel = cluster.cli(port, "--scan", "--pattern", "ff:{s*-" + run + ".example}:*");
            assertTrue(readModel.lines().count() > 0, "master " + port + " holds none of the read model");
            String streams = cluster.cli(port, "--scan", "--pattern", "ff:{p*}:*");
            System.out.printf("[cluster] master %d: %d keys, %d read-model keys of this run, streams: %s%n", port,
                    cluster.keys(port), readModel.lines().count(), streams.lines().sorted().toList());
        }
    }

    private static long expected(int site) {
        return 3 + site % 7;
    }

    private static long rows(String site) {
        try {
            return ThreeWayCheck.rows(stack.db(), site);
        } catch (Exception e) {
            return -1;
        }
    }

    private static HttpRequest hit(URI base, String site, int visitor) {
        return HttpRequest.newBuilder(base.resolve("/api/event")).header("Content-Type", "text/plain")
                .header("User-Agent", LoadGenerator.CHROME).header("X-Forwarded-For", "203.0.113." + (1 + visitor))
                .POST(HttpRequest.BodyPublishers.ofString("{\"n\":\"pageview\",\"u\":\"https://" + site + "/p" + visitor
                        + "\",\"d\":\"" + site + "\"}")).build();
    }
}
