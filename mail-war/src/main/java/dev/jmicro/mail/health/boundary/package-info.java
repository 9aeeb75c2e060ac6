/** Readiness of the mail service: the outbox, the SMTP server and the backlog. */
package dev.jmicro.mail.health.boundary;
