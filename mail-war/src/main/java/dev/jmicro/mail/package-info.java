/** The mail service: formats JSON requests into HTML and plain-text mail sent over SMTP. */
package dev.jmicro.mail;
