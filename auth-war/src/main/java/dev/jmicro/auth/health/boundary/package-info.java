/** Readiness of the auth service: its database and its signing key. */
package dev.jmicro.auth.health.boundary;
