/** Which signed tokens no longer count: the revocations auth keeps, read again every few seconds. */
package dev.jmicro.broker.identity.control;
