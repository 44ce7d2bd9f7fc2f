package analytics.web;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The dashboard pool: bounded threads and queue, apart from ingest, so owners always get an answer. */
@ApplicationScoped
public class DashboardPool {

    private final ThreadPoolExecutor executor;

    DashboardPool(DashboardConfig config) {
        AtomicInteger names = new AtomicInteger();
        executor = new ThreadPoolExecutor(config.threads(), config.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.queueSize()), task -> {
                    Thread thread = new Thread(task, "footfall-dashboard-" + names.getAndIncrement());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Runs blocking read-model work on the pool; a full queue fails with RejectedExecutionException
     * and an unreachable MySQL or Redis with Unavailable (both 503); a bug stays itself (500, see ErrorMappers).
     */
    public <T> Uni<T> run(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(executor)
                .onFailure(Outages::isOutage).transform(Unavailable::new);
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdown();
    }
}
