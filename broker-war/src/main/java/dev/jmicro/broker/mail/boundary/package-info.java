/** {@code /api/mails}: sending a mail and asking where it is. */
package dev.jmicro.broker.mail.boundary;
