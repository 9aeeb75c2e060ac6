package dev.jmicro.broker.original.boundary;

/** The original system's answer: {@code {"error": bool, "message": string, "data": any?}}, data omitted when null. */
public record Envelope(boolean error, String message, Object data) {

    public static Envelope ok(String message) {
        return new Envelope(false, message, null);
    }

    public static Envelope ok(String message, Object data) {
        return new Envelope(false, message, data);
    }

    public static Envelope failed(String message) {
        return new Envelope(true, message, null);
    }
}
