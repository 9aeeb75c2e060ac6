package dev.jmicro.mail.send.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.mail.send.entity.Delivery;
import dev.jmicro.mail.send.entity.Delivery.State;
import dev.jmicro.mail.send.entity.MailOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir
    Path dir;

    private Outbox open() {
        Outbox outbox = new Outbox(dir.toString());
        outbox.open();
        return outbox;
    }

    private static MailOrder order(String id) {
        return new MailOrder(id, null, List.of("a@b.org"), "s", "m", null, Map.of(), Instant.now());
    }

    @Test
    void anAcceptedOrderWaitsAndTheSameIdIsKeptOnce() {
        Outbox outbox = open();
        MailOrder order = order("one");

        Delivery first = outbox.accept(order);
        Delivery again = outbox.accept(order("one"));

        assertSame(order, first.order(), "new order kept");
        assertEquals(first, again, "the earlier order answers for the same id");
        assertEquals(1, outbox.backlog());
        assertEquals(List.of(first), outbox.due(Instant.now()));
    }

    @Test
    void aClaimedOrderMovesThroughItsStatesAndIsClaimedOnlyOnce() {
        Outbox outbox = open();
        Delivery accepted = outbox.accept(order("two"));

        assertTrue(outbox.claim(accepted));
        assertFalse(outbox.claim(accepted), "already being sent");
        assertEquals(State.SENDING, outbox.find("two").orElseThrow().state());

        Delivery retry = accepted.retryAt(Instant.now().plusSeconds(60), "connection refused");
        outbox.settle(accepted, retry);
        assertEquals(List.of(), outbox.due(Instant.now()), "not due before its time");
        assertEquals(1, outbox.due(Instant.now().plusSeconds(61)).size());

        outbox.claim(retry);
        outbox.settle(retry, retry.sent());
        Delivery sent = outbox.find("two").orElseThrow();
        assertEquals(State.SENT, sent.state());
        assertEquals(2, sent.attempts());
        assertEquals(0, outbox.backlog());
    }

    @Test
    void anOrderInterruptedWhileSendingFailsInsteadOfGoingTwice() {
        Outbox before = open();
        Delivery accepted = before.accept(order("three"));
        before.claim(accepted);

        Outbox after = open();

        Delivery found = after.find("three").orElseThrow();
        assertEquals(State.FAILED, found.state());
        assertTrue(found.lastError().contains("at most once"), found.lastError());
        assertEquals(0, after.backlog());
    }
}
