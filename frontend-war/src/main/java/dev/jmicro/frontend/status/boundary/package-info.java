/** The live status page of every service, with links to dashboards and traces. */
package dev.jmicro.frontend.status.boundary;
