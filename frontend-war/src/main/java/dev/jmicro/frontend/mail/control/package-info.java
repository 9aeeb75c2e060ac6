/** What the mail composer remembers for the session: the exchanges that sent its latest mails. */
package dev.jmicro.frontend.mail.control;
