package analytics;

import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** JSON errors for the analytics APIs. */
class ErrorMappers {

    @ServerExceptionMapper
    Response badParameter(BadParameter e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getMessage(), "parameter", e.parameter)).build();
    }

    @ServerExceptionMapper
    Response notFound(NotFound e) {
        return Response.status(404).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage())).build();
    }

    @ServerExceptionMapper
    Response conflict(Conflict e) {
        return Response.status(409).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage())).build();
    }

    @ServerExceptionMapper
    Response busy(RejectedExecutionException e) {
        return Response.status(503).type(MediaType.APPLICATION_JSON).header("Retry-After", "1")
                .entity(Map.of("error", "the dashboard is busy; retry in a moment")).build();
    }
}
