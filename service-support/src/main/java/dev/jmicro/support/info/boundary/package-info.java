/** The {@code GET /info} endpoint that names a service and its version. */
package dev.jmicro.support.info.boundary;
