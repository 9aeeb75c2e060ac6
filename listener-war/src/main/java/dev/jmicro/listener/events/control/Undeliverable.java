package dev.jmicro.listener.events.control;

/** A message that can never be stored, whatever is retried: it goes to the dead-letter queue with this reason. */
public class Undeliverable extends Exception {

    public Undeliverable(String reason) {
        super(reason, null, false, false);
    }
}
