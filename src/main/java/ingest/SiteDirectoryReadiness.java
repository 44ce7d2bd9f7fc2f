package ingest;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import events.api.SiteEvents;
import jakarta.enterprise.context.ApplicationScoped;

/** Not ready until this replica knows every registered site, so no hit is dropped as unknown at start. */
@Readiness
@ApplicationScoped
class SiteDirectoryReadiness implements HealthCheck {

    private final SiteEvents siteEvents;

    SiteDirectoryReadiness(SiteEvents siteEvents) {
        this.siteEvents = siteEvents;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Known sites loaded").status(siteEvents.caughtUp()).build();
    }
}
