package dev.jmicro.logger.entries.boundary;

/** The original system's answer: {@code {"error": bool, "message": string, "data": any?}}, data left out when null. */
public record Envelope(boolean error, String message, Object data) {}
