package dev.jmicro.localstack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Answers whether a loopback port can be bound, and finds one that can. */
public final class Ports {

    private Ports() {}

    /**
     * True if nothing listens on the port, on the loopback address or on all addresses. Connections of a stopped
     * server lingering in TIME_WAIT do not count: servers bind with SO_REUSEADDR, and so does this check.
     */
    public static boolean isFree(int port) {
        return canBind(InetAddress.getLoopbackAddress(), port) && canBind(null, port);
    }

    /**
     * Ports handed out by {@link #free()} in this JVM. A port is free again the moment it is probed, and the system
     * may offer it to the next caller before the first one binds it: without this set, a Liberty server and a backing
     * service started together were once given the same port.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** The lowest port {@link #free()} hands out when it can keep below the system's ephemeral range. */
    private static final int LOWEST = 20_000;

    /** Where the system's range for outgoing connections starts; read once (LOWEST where unknown: no room below). */
    private static final int EPHEMERAL_START = ephemeralRangeStart().orElse(LOWEST);

    /**
     * A port that was free a moment ago and that this JVM has not handed out before. Below the system's ephemeral range
     * where there is room (Linux: 32768 and up), because a port from that range can be given to any outgoing
     * connection — to PostgreSQL, RabbitMQ, between the servers — in the half minute a Liberty server takes to bind
     * it: that once stopped a whole-system test with "Address already in use". Elsewhere an ephemeral port.
     */
    public static int free() {
        for (int attempt = 0; EPHEMERAL_START - LOWEST > 1000 && attempt < 1000; attempt++) {
            int port = LOWEST + ThreadLocalRandom.current().nextInt(EPHEMERAL_START - LOWEST);
            if (isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        return ephemeral();
    }

    private static int ephemeral() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on the loopback address", e);
            }
        }
        throw new IllegalStateException("no free port left that was not handed out already");
    }

    /** The first port of Linux's range for outgoing connections, if this is Linux. */
    private static OptionalInt ephemeralRangeStart() {
        try {
            // Through a reader: Files.readString read only the first byte of it (procfs gives its size as 0).
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .get(0)
                    .trim();
            return OptionalInt.of(Integer.parseInt(range.split("\\s+")[0]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** The preferred port when it is free, so bookmarks keep working; any free port otherwise. */
    public static int preferredOrFree(int preferred) {
        return isFree(preferred) && HANDED_OUT.add(preferred) ? preferred : free();
    }

    private static boolean canBind(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
