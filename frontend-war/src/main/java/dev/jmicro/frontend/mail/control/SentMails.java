package dev.jmicro.frontend.mail.control;

import dev.jmicro.frontend.broker.entity.Exchange;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The exchanges that sent this session's latest mails, by mail id: the page a send redirects to
 * ({@code mail.xhtml?mail=<id>}) shows what was sent and answered, and keeps showing it on every reload. The newest
 * ten are kept.
 */
@SessionScoped
public class SentMails implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int KEPT = 10;

    private final Map<String, Exchange> sent = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Exchange> eldest) {
            return size() > KEPT;
        }
    };

    public synchronized void sent(String mailId, Exchange exchange) {
        sent.put(mailId, exchange);
    }

    public synchronized Optional<Exchange> of(String mailId) {
        return Optional.ofNullable(sent.get(mailId));
    }
}
