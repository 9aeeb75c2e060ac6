/** A mail order and the state of its delivery, as kept in the outbox. */
package dev.jmicro.mail.send.entity;
