package dev.jmicro.mail.send.control;

/** A mail order the service will not take: an address that is not one, too many recipients, an unknown template. */
public class MailRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MailRefusal(String message) {
        super(message, null, false, false); // no stack trace: a refusal is an answer, not a failure
    }
}
