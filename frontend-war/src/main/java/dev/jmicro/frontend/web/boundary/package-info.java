/** What every page shares: security headers, error and expired-view pages, redirects, message and time formatting, trace links, the info endpoint. */
package dev.jmicro.frontend.web.boundary;
