/** Rendering, the durable outbox and delivery over SMTP with retries. */
package dev.jmicro.mail.send.control;
