package dev.jmicro.support.client;

import java.util.List;

/**
 * Who a request comes from, for throttling and rate limits. Behind a proxy (the broker, an ingress) every request
 * arrives from the proxy's address, so the first address of {@code X-Forwarded-For} counts when, and only when, the
 * direct peer is a trusted proxy; from anyone else the header could be forged.
 */
public final class ClientAddresses {

    private ClientAddresses() {}

    public static String of(String peer, String forwardedFor, List<String> trustedProxies) {
        if (forwardedFor != null && !forwardedFor.isBlank() && trustedProxies.contains(peer)) {
            String first = forwardedFor.split(",")[0].trim();
            return first.isEmpty() || first.length() > 100 ? peer : first;
        }
        return peer;
    }
}
