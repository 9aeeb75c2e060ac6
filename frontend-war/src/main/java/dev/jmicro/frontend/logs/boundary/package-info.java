/** The log browser: the logger's entries through the broker, with filters and paging. */
package dev.jmicro.frontend.logs.boundary;
