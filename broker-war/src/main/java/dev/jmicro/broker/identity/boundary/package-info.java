/** Who the caller is, as the auth service's token says. */
package dev.jmicro.broker.identity.boundary;
