package dev.jmicro.listener.health.boundary;

import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while every messaging channel is: the AMQP connector reports its connection, and reconnects by itself after
 * the broker comes back. The engine is packaged in the WAR, so its health is bridged to MicroProfile Health here.
 */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {

    @Inject
    HealthCenter health;

    @Override
    public HealthCheckResponse call() {
        HealthReport report = health.getReadiness();
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("amqp").status(report.isOk());
        for (HealthReport.ChannelInfo channel : report.getChannels()) {
            answer.withData(
                    channel.getChannel(),
                    channel.isOk() ? "up" : "down" + (channel.getMessage() == null ? "" : ": " + channel.getMessage()));
        }
        return answer.build();
    }
}
