package ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Serves the tracking snippet with long-lived caching and an ETag for cheap revalidation. */
@Path("/js/script.js")
public class ScriptResource {

    private static final String SCRIPT = load();
    private static final String ETAG = "\"" + sha256(SCRIPT).substring(0, 16) + "\"";

    @GET
    public Response script(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Response.ResponseBuilder response = ETAG.equals(ifNoneMatch) ? Response.notModified()
                : Response.ok(SCRIPT, "application/javascript; charset=utf-8");
        return response.header(HttpHeaders.ETAG, ETAG)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400, stale-while-revalidate=604800")
                .header("Access-Control-Allow-Origin", "*").build();
    }

    private static String load() {
        try (InputStream in = ScriptResource.class.getResourceAsStream("/ingest/script.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
