package support;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/** The test's read-model keys of one site in Redis, found with SCAN (never KEYS). */
public final class SiteKeys {

    private SiteKeys() {
    }

    /** Every key of the site whose name (after "prefix:{site}:") matches the glob, e.g. "*" or "*roll:*". */
    public static List<String> of(Redis redis, String site, String glob) {
        String pattern = ConfigProvider.getConfig().getValue("footfall.key-prefix", String.class) + ":{" + site + "}:"
                + glob;
        List<String> found = new ArrayList<>();
        String cursor = "0";
        do {
            Response page = redis.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(pattern)
                    .arg("COUNT").arg(1000)).await().indefinitely();
            cursor = page.get(0).toString();
            page.get(1).forEach(key -> found.add(key.toString()));
        } while (!"0".equals(cursor));
        return found;
    }
}
