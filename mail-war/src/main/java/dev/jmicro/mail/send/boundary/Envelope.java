package dev.jmicro.mail.send.boundary;

/** The original system's answer: {@code {"error": bool, "message": string, "data": any?}}, data left out when null. */
public record Envelope(boolean error, String message, Object data) {

    public static Envelope ok(String message) {
        return new Envelope(false, message, null);
    }
}
