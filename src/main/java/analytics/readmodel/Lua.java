package analytics.readmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Lua scripts shipped under resources/analytics. */
final class Lua {

    static final String APPLY = load("apply.lua");
    static final String ROLLUP = load("rollup.lua");

    private Lua() {
    }

    private static String load(String name) {
        try (InputStream in = Lua.class.getResourceAsStream("/analytics/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing script analytics/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
