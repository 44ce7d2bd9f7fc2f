package analytics;

import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Errors of the analytics APIs (JSON) and pages (HTML). */
class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unavailable();
    }

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
    Response unavailable(Unavailable e, UriInfo uri) {
        LOG.warnf("503 for %s: %s", uri.getPath(), e.getCause() == null ? "" : e.getCause().getMessage());
        if (uri.getPath().startsWith("/api/")) {
            return Response.status(503).type(MediaType.APPLICATION_JSON).header("Retry-After", "5")
                    .entity(Map.of("error", e.getMessage())).build();
        }
        return Response.status(503).type(MediaType.TEXT_HTML).header("Retry-After", "5")
                .entity(Templates.unavailable().render()).build();
    }

    @ServerExceptionMapper
    Response busy(RejectedExecutionException e) {
        return Response.status(503).type(MediaType.APPLICATION_JSON).header("Retry-After", "1")
                .entity(Map.of("error", "the dashboard is busy; retry in a moment")).build();
    }
}
