/** The mail composer: sends a mail through the broker and shows where it is. */
package dev.jmicro.frontend.mail.boundary;
