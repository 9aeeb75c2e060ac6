package dev.jmicro.localstack.backing;

import java.net.URI;

/**
 * Where a server listens and how to log in, read from a URL such as {@code postgresql://user:pass@host:port}; what the
 * URL leaves out takes the given defaults.
 */
public record Endpoint(String host, int port, String user, String password) {

    public static Endpoint of(URI url, int defaultPort, String defaultUser, String defaultPassword) {
        if (url.getHost() == null) {
            throw new IllegalArgumentException("no host in " + url);
        }
        int port = url.getPort() < 0 ? defaultPort : url.getPort();
        if (url.getUserInfo() == null) {
            return new Endpoint(url.getHost(), port, defaultUser, defaultPassword);
        }
        String[] credentials = url.getUserInfo().split(":", 2);
        return new Endpoint(url.getHost(), port, credentials[0], credentials.length > 1 ? credentials[1] : "");
    }
}
