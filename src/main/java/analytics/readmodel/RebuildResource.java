package analytics.readmodel;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Admin: rebuild the read model from the raw rows ({@code POST}), and watch its progress ({@code GET}). */
@Path("/api/v1/admin/rebuild")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    private final Rebuilds rebuilds;

    RebuildResource(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @POST
    public Response start() {
        return Response.accepted(rebuilds.start()).build();
    }

    @GET
    public Map<String, Object> status() {
        return rebuilds.status();
    }
}
