package dev.jmicro.mail.send.entity;

import java.time.Instant;

/**
 * Where a mail order stands: {@code pending} (waiting for its next attempt), {@code sending}, {@code sent}, or
 * {@code failed} with the reason.
 */
public record Delivery(MailOrder order, State state, int attempts, Instant nextAttemptAt, String lastError) {

    public enum State {
        PENDING,
        SENDING,
        SENT,
        FAILED
    }

    public static Delivery accepted(MailOrder order) {
        return new Delivery(order, State.PENDING, 0, order.acceptedAt(), null);
    }

    public String id() {
        return order.id();
    }

    public Delivery in(State next) {
        return new Delivery(order, next, attempts, nextAttemptAt, lastError);
    }

    /** After a failed attempt that is worth repeating at {@code next}. */
    public Delivery retryAt(Instant next, String error) {
        return new Delivery(order, State.PENDING, attempts + 1, next, error);
    }

    public Delivery failed(String reason) {
        return new Delivery(order, State.FAILED, attempts + 1, null, reason);
    }

    public Delivery sent() {
        return new Delivery(order, State.SENT, attempts + 1, null, lastError);
    }
}
