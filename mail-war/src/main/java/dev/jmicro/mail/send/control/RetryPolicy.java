package dev.jmicro.mail.send.control;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When to try a mail again, and when to stop. Waits double from {@code initialDelay} up to {@code maxDelay}; after
 * {@code maxAttempts} the mail fails. An answer of the SMTP server in the 5xx range (e.g. 550 unknown recipient) is
 * permanent and not repeated; connection failures and 4xx answers are transient.
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts) {

    private static final Pattern SMTP_REPLY = Pattern.compile("(?:^|\\D)([245]\\d\\d)[ -]");

    /** The wait before the next try, after {@code attemptsSoFar} failed tries (1 or more). */
    public Duration delayAfter(int attemptsSoFar) {
        int doublings = Math.min(Math.max(attemptsSoFar - 1, 0), 30);
        Duration delay = initialDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    public boolean exhausted(int attemptsSoFar) {
        return attemptsSoFar >= maxAttempts;
    }

    /** Whether trying again cannot help: the server refused the mail or a recipient for good. */
    public static boolean isPermanent(MessagingException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SendFailedException refused
                    && refused.getInvalidAddresses() != null
                    && refused.getInvalidAddresses().length > 0) {
                return true;
            }
            Matcher reply = SMTP_REPLY.matcher(String.valueOf(cause.getMessage()));
            if (cause instanceof MessagingException && reply.find()) {
                return reply.group(1).startsWith("5");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The first line of the failure and its causes, for the record of the delivery. */
    public static String reasonOf(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause = failure; cause != null && reason.length() < 500; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            int newline = message.indexOf('\n');
            if (reason.length() > 0) {
                reason.append(" <- ");
            }
            reason.append(newline < 0 ? message : message.substring(0, newline).trim());
            if (cause.getCause() == cause) {
                break;
            }
        }
        return reason.length() > 500 ? reason.substring(0, 500) : reason.toString();
    }
}
