package dev.jmicro.auth.signin.control;

import dev.jmicro.support.client.ClientAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who a request comes from, for throttling. Behind the broker every request arrives from the broker's address, so the
 * first address of {@code X-Forwarded-For} counts when, and only when, the direct peer is one of
 * {@code auth.trusted-proxies}; from anyone else the header could be forged.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    @ConfigProperty(name = "auth.trusted-proxies", defaultValue = "127.0.0.1,0:0:0:0:0:0:0:1,::1")
    List<String> trustedProxies;

    public String of(String peer, String forwardedFor) {
        return ClientAddresses.of(peer, forwardedFor, trustedProxies);
    }
}
