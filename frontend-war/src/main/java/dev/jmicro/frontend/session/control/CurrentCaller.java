package dev.jmicro.frontend.session.control;

import dev.jmicro.frontend.broker.entity.Caller;
import dev.jmicro.frontend.broker.entity.Exchange;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller of the page request being served, for the broker calls the pages make: the session's token and the
 * request's address (Liberty's {@code <remoteIp>} has taken it from a trusted ingress). Each call's trace id becomes
 * the session's last one, for the status page's link.
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    UserSession session;

    @Inject
    HttpServletRequest page;

    public Caller get() {
        return new Caller(session.token(), page.getRemoteAddr());
    }

    void traced(@Observes Exchange exchange) {
        session.tracedRequest(exchange.traceId());
    }
}
