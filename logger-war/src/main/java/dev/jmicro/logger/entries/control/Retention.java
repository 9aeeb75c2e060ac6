package dev.jmicro.logger.entries.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the log for {@code logger.retention} (an ISO-8601 duration such as {@code P30D}; {@code P0D} keeps
 * everything): every {@code logger.retention.interval} it deletes older entries.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    LogBook book;

    @Inject
    @ConfigProperty(name = "logger.retention", defaultValue = "P30D")
    Duration retention;

    @Inject
    @ConfigProperty(name = "logger.retention.interval", defaultValue = "PT1H")
    Duration interval;

    private ScheduledFuture<?> sweeps;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (retention.isZero() || retention.isNegative()) {
            LOG.info("logger.retention is " + retention + ": entries are kept forever");
            return;
        }
        sweeps = scheduler.scheduleWithFixedDelay(
                this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (sweeps != null) {
            sweeps.cancel(false);
        }
    }

    private void sweep() {
        try {
            long deleted = book.deleteOlderThan(Clock.systemUTC().instant().minus(retention));
            if (deleted > 0) {
                LOG.info("retention: deleted " + deleted + " entries older than " + retention);
            }
        } catch (RuntimeException e) {
            // MongoDB may be down; the next sweep catches up.
            LOG.warning("retention sweep failed: " + e.getMessage());
        }
    }
}
