package dev.jmicro.mail.send.control;

import dev.jmicro.mail.send.entity.Delivery;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Takes due mails from the outbox and sends them, one at a time: right after a mail is accepted, and every
 * {@code mail.courier.poll-ms} for retries. A mail is claimed before it is sent and settled after, so each is sent at
 * most once; a transient failure puts it back with a later due time, a permanent one records the reason.
 */
@ApplicationScoped
public class Courier {

    private static final Logger LOG = Logger.getLogger(Courier.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Outbox outbox;

    @Inject
    MailComposer composer;

    @Inject
    SmtpSender sender;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "mail.retry.initial-delay-ms")
    long initialDelayMs;

    @Inject
    @ConfigProperty(name = "mail.retry.max-delay-ms")
    long maxDelayMs;

    @Inject
    @ConfigProperty(name = "mail.retry.max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "mail.courier.poll-ms", defaultValue = "1000")
    long pollMs;

    private final AtomicBoolean delivering = new AtomicBoolean();
    private final AtomicBoolean askedAgain = new AtomicBoolean();
    private RetryPolicy retries;
    private ScheduledFuture<?> polling;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        retries = new RetryPolicy(Duration.ofMillis(initialDelayMs), Duration.ofMillis(maxDelayMs), maxAttempts);
        metrics.gauge("mail.backlog", outbox, Outbox::backlog);
        polling = scheduler.scheduleWithFixedDelay(this::deliverDue, 0, pollMs, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    /** Asks for a delivery round now, e.g. after a mail was accepted. */
    public void wake() {
        scheduler.execute(this::deliverDue);
    }

    /** One round; a round asked for while another runs happens right after it, never beside it. */
    void deliverDue() {
        askedAgain.set(true);
        // Whoever holds "delivering" runs rounds until nobody has asked again; a caller that finds it held leaves its
        // request in askedAgain for the holder to see when its round ends.
        while (askedAgain.get() && delivering.compareAndSet(false, true)) {
            try {
                askedAgain.set(false);
                for (Delivery due : outbox.due(Instant.now())) {
                    if (outbox.claim(due)) {
                        attempt(due);
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "delivery round failed; the next round tries again", e);
            } finally {
                delivering.set(false);
            }
        }
    }

    /**
     * Sends one claimed mail and records the outcome. Only the send decides the outcome: should recording it fail, the
     * mail stays in {@code sending/} and is marked failed at the next start, never sent twice or recorded wrongly.
     */
    private void attempt(Delivery claimed) {
        Delivery outcome;
        Timer.Context timing = metrics.timer("mail.send").time();
        try {
            sender.send(claimed.order(), composer.render(claimed.order()));
            outcome = claimed.sent();
        } catch (MessagingException e) {
            outcome = afterFailure(claimed, e);
        } catch (RuntimeException e) {
            // Rendering or a bug: repeating would fail the same way.
            LOG.log(Level.SEVERE, "mail " + claimed.id() + " failed for good", e);
            outcome = claimed.failed("cannot be sent: " + RetryPolicy.reasonOf(e));
        } finally {
            timing.stop();
        }
        outbox.settle(claimed, outcome);
        counter(
                        switch (outcome.state()) {
                            case SENT -> "mail.sent";
                            case PENDING -> "mail.retried";
                            default -> "mail.failed";
                        })
                .inc();
    }

    /** A later attempt for a transient failure; a failed mail for a permanent one or after the last attempt. */
    private Delivery afterFailure(Delivery claimed, MessagingException failure) {
        String reason = RetryPolicy.reasonOf(failure);
        int attempts = claimed.attempts() + 1;
        if (RetryPolicy.isPermanent(failure) || retries.exhausted(attempts)) {
            String why =
                    RetryPolicy.isPermanent(failure) ? reason : "gave up after " + attempts + " attempts: " + reason;
            LOG.warning("mail " + claimed.id() + " failed: " + why);
            return claimed.failed(why);
        }
        Instant next = Instant.now().plus(retries.delayAfter(attempts));
        LOG.info("mail " + claimed.id() + " will be retried at " + next + ": " + reason);
        return claimed.retryAt(next, reason);
    }

    private Counter counter(String name) {
        return metrics.counter(name);
    }
}
