package ingest.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Admin view of failed_jobs and its replay: {@code POST /api/v1/admin/failed-jobs/replay}. */
@Path("/api/v1/admin/failed-jobs")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class FailedJobsResource {

    private final FailedJobs jobs;

    FailedJobsResource(FailedJobs jobs) {
        this.jobs = jobs;
    }

    @GET
    public List<FailedJobs.FailedJob> list(@QueryParam("limit") @DefaultValue("100") int limit) throws SQLException {
        return jobs.list(Math.max(1, Math.min(limit, 1000)));
    }

    @POST
    @Path("/replay")
    public Map<String, Integer> replay(@QueryParam("limit") @DefaultValue("1000") int limit) throws SQLException {
        return Map.of("replayed", jobs.replay(Math.max(1, Math.min(limit, 10_000))));
    }
}
