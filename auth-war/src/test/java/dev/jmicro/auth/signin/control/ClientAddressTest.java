package dev.jmicro.auth.signin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress clients = new ClientAddress();

    {
        clients.trustedProxies = List.of("10.0.0.5");
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        assertEquals("203.0.113.9", clients.of("10.0.0.5", "203.0.113.9, 10.0.0.7"));
    }

    @Test
    void anyoneElseCannotChooseTheirAddress() {
        assertEquals("198.51.100.66", clients.of("198.51.100.66", "203.0.113.9"));
    }

    @Test
    void withoutTheHeaderThePeerCounts() {
        assertEquals("10.0.0.5", clients.of("10.0.0.5", null));
        assertEquals("10.0.0.5", clients.of("10.0.0.5", " "));
    }
}
