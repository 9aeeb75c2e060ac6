package dev.jmicro.mail.send.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(30), 5);

    @Test
    void waitsDoubleUpToTheCeiling() {
        assertEquals(Duration.ofSeconds(2), policy.delayAfter(1));
        assertEquals(Duration.ofSeconds(4), policy.delayAfter(2));
        assertEquals(Duration.ofSeconds(16), policy.delayAfter(4));
        assertEquals(Duration.ofSeconds(30), policy.delayAfter(5));
        assertEquals(Duration.ofSeconds(30), policy.delayAfter(500), "no overflow");
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertFalse(policy.exhausted(4));
        assertTrue(policy.exhausted(5));
    }

    @Test
    void aRefusedRecipientOrA5xxAnswerIsPermanent() throws Exception {
        Address nobody = new InternetAddress("nobody@example.com");
        assertTrue(RetryPolicy.isPermanent(
                new SendFailedException("Invalid Addresses", null, null, null, new Address[] {nobody})));
        assertTrue(RetryPolicy.isPermanent(new MessagingException("554 5.7.1 Message rejected")));
    }

    @Test
    void aConnectionFailureOrA4xxAnswerIsTransient() {
        assertFalse(RetryPolicy.isPermanent(new MessagingException(
                "Couldn't connect to host, port: 127.0.0.1, 25; timeout -1", new ConnectException("refused"))));
        assertFalse(RetryPolicy.isPermanent(new MessagingException("421 4.7.0 Try again later")));
    }

    @Test
    void theReasonNamesEachCauseOnOneLine() {
        String reason = RetryPolicy.reasonOf(
                new MessagingException("Couldn't connect\nmore", new ConnectException("Connection refused")));

        assertEquals("Couldn't connect <- Connection refused", reason);
    }
}
