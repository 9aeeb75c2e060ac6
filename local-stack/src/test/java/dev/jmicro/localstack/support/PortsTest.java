package dev.jmicro.localstack.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
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
    void onLinuxFreePortsLieBelowTheRangeOfOutgoingConnections() throws Exception {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        Assumptions.assumeTrue(Files.isReadable(range), "not Linux");
        int ephemeralStart =
                Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0]);
        Assumptions.assumeTrue(ephemeralStart > 21_000, "no room below the ephemeral range here");
        for (int i = 0; i < 100; i++) {
            int port = Ports.free();
            assertTrue(port >= 20_000 && port < ephemeralStart, port + " is in the range of outgoing connections");
        }
    }

    @Test
    void aFreePortIsFree() {
        assertTrue(Ports.isFree(Ports.free()));
    }
}
