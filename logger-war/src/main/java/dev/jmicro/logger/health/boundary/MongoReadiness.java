package dev.jmicro.logger.health.boundary;

import dev.jmicro.logger.entries.control.MongoAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while MongoDB answers a ping; recovers by itself when it comes back. */
@Readiness
@ApplicationScoped
public class MongoReadiness implements HealthCheck {

    @Inject
    MongoAdmin mongo;

    @Override
    public HealthCheckResponse call() {
        try {
            mongo.check();
            return HealthCheckResponse.named("mongodb").up().build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("mongodb")
                    .down()
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
