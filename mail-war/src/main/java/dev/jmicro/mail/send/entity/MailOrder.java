package dev.jmicro.mail.send.entity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A mail someone asked for, validated and ready to render: who from (null for the configured sender), to whom, and
 * what, by template name and fields.
 */
public record MailOrder(
        String id,
        String from,
        List<String> to,
        String subject,
        String message,
        String template,
        Map<String, String> fields,
        Instant acceptedAt) {}
