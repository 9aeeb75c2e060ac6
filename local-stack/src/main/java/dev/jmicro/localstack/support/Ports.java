package dev.jmicro.localstack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    /** An ephemeral port that was free a moment ago and that this JVM has not handed out before. */
    public static int free() {
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
