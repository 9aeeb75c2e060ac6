package dev.jmicro.deploy;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where a service connects to, from the values its configuration gets: every address key it reads (the other
 * services' URLs, AMQP, PostgreSQL, SMTP, MongoDB, the trace collector), as host and port.
 */
final class Downstreams {

    /** host:port. */
    record Address(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** Keys holding a host, with the key of their port and that port's default. */
    private static final Map<String, String> HOST_KEYS =
            Map.of("amqp.host", "amqp.port", "amqp-host", "amqp-port", "db.host", "db.port", "smtp.host", "smtp.port");

    private static final Set<String> URL_KEYS = Set.of("jnosql.mongodb.url", "otel.exporter.otlp.endpoint");

    /** Keys holding host:port (a gRPC target). */
    private static final Set<String> TARGET_KEYS = Set.of("logger.grpc.target");

    /** Links the front end puts in its pages for the browser: the service itself never connects to them. */
    private static final Set<String> BROWSER_LINKS = Set.of("frontend.trace.url", "frontend.grafana.url");

    private Downstreams() {}

    /**
     * The addresses this service is configured to reach. {@code value} gives a key's value as the service gets it
     * (from its environment, a mounted file, or its default); null for none.
     */
    static Set<Address> of(Map<String, ServiceSources.Setting> settings, Function<String, String> value) {
        Set<Address> addresses = new LinkedHashSet<>();
        for (String key : settings.keySet()) {
            String configured = value.apply(key);
            if (configured == null || configured.isBlank() || BROWSER_LINKS.contains(key)) {
                continue;
            }
            if (key.endsWith(".url") && !key.contains("/") || URL_KEYS.contains(key)) {
                URI uri = URI.create(configured.replaceFirst("^mongodb://[^@]*@", "mongodb://"));
                if (uri.getHost() != null) {
                    addresses.add(new Address(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : defaultPort(uri)));
                }
            } else if (TARGET_KEYS.contains(key)) {
                int colon = configured.lastIndexOf(':');
                addresses.add(
                        new Address(configured.substring(0, colon), Integer.parseInt(configured.substring(colon + 1))));
            } else if (HOST_KEYS.containsKey(key)) {
                String port = value.apply(HOST_KEYS.get(key));
                if (port == null && settings.containsKey(HOST_KEYS.get(key))) {
                    port = settings.get(HOST_KEYS.get(key)).defaultValue();
                }
                addresses.add(new Address(configured, Integer.parseInt(port == null ? defaultPort(key) : port)));
            }
        }
        return addresses;
    }

    private static int defaultPort(URI uri) {
        return switch (uri.getScheme()) {
            case "mongodb" -> 27017;
            case "https" -> 443;
            default -> 80;
        };
    }

    private static String defaultPort(String key) {
        return switch (key) {
            case "amqp.host", "amqp-host" -> "5672";
            case "db.host" -> "5432";
            default -> "25";
        };
    }
}
