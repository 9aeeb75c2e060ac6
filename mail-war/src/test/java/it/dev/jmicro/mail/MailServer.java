package it.dev.jmicro.mail;

import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.liberty.LibertyServer;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.Ports;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The mail service on its real Liberty server, pointed at an SMTP server the test controls, with short retry delays
 * and an empty outbox of its own.
 */
final class MailServer implements AutoCloseable {

    private final LibertyServer server;

    private MailServer(LibertyServer server) {
        this.server = server;
    }

    static MailServer start(String name, Map<String, String> smtp) throws IOException {
        Path root = StackOptions.findRoot();
        Path runDir = root.resolve("mail-war/target/it-servers").resolve(name);
        deleteRecursively(runDir.resolve("outbox"));
        Map<String, String> env = new HashMap<>(smtp);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JVM_ARGS", StackOptions.DEFAULT_JVM_ARGS);
        env.put("MAIL_OUTBOX_DIR", runDir.resolve("outbox").toString());
        env.put("MAIL_FROM_ADDRESS", "noreply@jmicro.test");
        env.put("MAIL_FROM_NAME", "jmicro tests");
        env.put("MAIL_RETRY_INITIAL_DELAY_MS", "300");
        env.put("MAIL_RETRY_MAX_DELAY_MS", "1000");
        env.put("MAIL_COURIER_POLL_MS", "200");
        env.put("SMTP_CONNECT_TIMEOUT_MS", "2000");
        env.put("SMTP_TIMEOUT_MS", "5000");
        LibertyServer server =
                new LibertyServer(Service.MAIL, root.resolve("target/liberty/wlp"), runDir, Ports.free(), env);
        server.start();
        try {
            Duration budget = Duration.ofSeconds(180);
            server.awaitReady(System.nanoTime() + budget.toNanos(), budget);
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        return new MailServer(server);
    }

    HttpResponse<String> send(String json, String... headers) {
        return Http.postJson(url("send"), json, headers);
    }

    /** The delivery state of a mail, from the Location of its 202. */
    JsonObject delivery(HttpResponse<String> accepted) {
        URI location = URI.create(accepted.headers().firstValue("Location").orElseThrow());
        return Http.object(Http.get(location));
    }

    JsonObject readiness() {
        return Http.object(Http.get(url("health/ready")));
    }

    String metrics() {
        return Http.get(url("metrics")).body();
    }

    URI url(String path) {
        return server.url().resolve(path);
    }

    @Override
    public void close() {
        server.stop();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
