package ingest.store;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A replica without batch writers, so a test can play the worker that crashes. */
public class NoWritersProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("footfall.ingest.writer-threads", "0");
    }
}
