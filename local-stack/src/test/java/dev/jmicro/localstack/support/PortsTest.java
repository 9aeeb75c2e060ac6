package dev.jmicro.localstack.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aListeningPortIsNotFreeAndIsNotPreferred() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertFalse(Ports.isFree(port), "port in use");
            assertNotEquals(port, Ports.preferredOrFree(port), "another port chosen");
        }
    }

    @Test
    void aPortIsNeverHandedOutTwiceEvenWhenNothingBoundItYet() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            assertTrue(seen.add(Ports.free()), "handed out twice");
        }
    }

    @Test
    void aFreePortIsFree() {
        assertTrue(Ports.isFree(Ports.free()));
    }
}
