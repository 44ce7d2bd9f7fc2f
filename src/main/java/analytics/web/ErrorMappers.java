package analytics.web;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Errors as JSON for the APIs (/api/...) and as a small page everywhere else. */
class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);

        static native TemplateInstance unavailable();
    }

    @ServerExceptionMapper
    Response badParameter(BadParameter e, UriInfo uri) {
        if (!api(uri)) {
            return page(400, "Something is not right", e.getMessage());
        }
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getMessage(), "parameter", e.parameter)).build();
    }

    @ServerExceptionMapper
    Response notFound(NotFound e, UriInfo uri) {
        return api(uri) ? json(404, e.getMessage()) : page(404, "Not found", "There is nothing here, or it is not yours.");
    }

    @ServerExceptionMapper
    Response forbidden(Forbidden e, UriInfo uri) {
        return api(uri) ? json(403, e.getMessage()) : page(403, "Not allowed", e.getMessage());
    }

    @ServerExceptionMapper
    Response conflict(Conflict e, UriInfo uri) {
        return api(uri) ? json(409, e.getMessage()) : page(409, "Conflict", e.getMessage());
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

    /** Anything else is a bug: 500, logged with its stack trace under an id that the page shows. */
    @ServerExceptionMapper
    Response bug(RuntimeException e, UriInfo uri) {
        if (e instanceof WebApplicationException web) {
            return web.getResponse();
        }
        if (Outages.isOutage(e)) {
            return unavailable(new Unavailable(e), uri);
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "500 for %s, error id %s", uri.getPath(), id);
        return api(uri) ? json(500, "Footfall failed to answer (error id " + id + ")")
                : page(500, "Something went wrong", "Footfall failed to answer this request. Error id: " + id + ".");
    }

    private static boolean api(UriInfo uri) {
        return uri.getPath().startsWith("/api/");
    }

    private static Response json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }

    private static Response page(int status, String title, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML)
                .entity(Templates.error(status, title, message).render()).build();
    }
}
