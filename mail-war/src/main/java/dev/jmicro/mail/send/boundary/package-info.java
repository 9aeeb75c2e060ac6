/** REST endpoints that accept mail orders and report their delivery. */
package dev.jmicro.mail.send.boundary;
