package events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vertx.mutiny.redis.client.Response;

/** Reads the entry lists that XREAD, XREADGROUP, XRANGE and XAUTOCLAIM answer with. */
final class StreamEntries {

    record Entry(String id, Map<String, String> fields) {
    }

    private StreamEntries() {
    }

    /** XREAD / XREADGROUP with a single stream: [[key, [[id, [f, v, ...]], ...]]] or nil. */
    static List<Entry> ofRead(Response response) {
        if (response == null || response.size() == 0) {
            return List.of();
        }
        Response first = response.get(0);
        return ofList(first.get(1));
    }

    /** A plain list of [id, [f, v, ...]] pairs; deleted entries (nil fields) are skipped. */
    static List<Entry> ofList(Response list) {
        if (list == null) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>(list.size());
        for (Response item : list) {
            if (item == null || item.size() < 2 || item.get(1) == null) {
                continue;
            }
            Response raw = item.get(1);
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i + 1 < raw.size(); i += 2) {
                fields.put(raw.get(i).toString(), raw.get(i + 1).toString());
            }
            entries.add(new Entry(item.get(0).toString(), fields));
        }
        return entries;
    }
}
