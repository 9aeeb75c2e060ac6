package dev.jmicro.localstack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

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

    /** An ephemeral port that was free a moment ago. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback address", e);
        }
    }

    /** The preferred port when it is free, so bookmarks keep working; any free port otherwise. */
    public static int preferredOrFree(int preferred) {
        return isFree(preferred) ? preferred : free();
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
