package events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Lua scripts shipped under resources/events. */
final class Scripts {

    static final String COMPLETE = load("complete.lua");
    static final String LEASE = load("lease.lua");
    static final String RELEASE = load("release.lua");
    static final String ANNOUNCE = load("announce.lua");

    private Scripts() {
    }

    private static String load(String name) {
        try (InputStream in = Scripts.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing script events/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
