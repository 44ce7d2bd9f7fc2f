package analytics.web;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** Where people reach Footfall (for the snippet and share links): footfall.public-url, else the request's own origin. */
@ApplicationScoped
public class PublicUrl {

    private final Optional<String> configured;

    PublicUrl(@ConfigProperty(name = "footfall.public-url") Optional<String> configured) {
        this.configured = configured.map(url -> url.replaceAll("/+$", ""));
    }

    public String origin(RoutingContext context) {
        return configured.orElseGet(() -> (SessionCookie.secure(context) ? "https" : "http") + "://"
                + context.request().authority());
    }
}
