/** The mail service as the broker calls it: sending through its outbox and reading a delivery, guarded. */
package dev.jmicro.broker.mail.control;
