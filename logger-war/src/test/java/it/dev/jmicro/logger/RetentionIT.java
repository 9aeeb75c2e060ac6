package it.dev.jmicro.logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.Tokens;
import dev.jmicro.localstack.testing.TestStack;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The logger with a retention of six seconds, swept every half second: old entries go, new ones stay. */
class RetentionIT {

    @RegisterExtension
    static final TestStack STACK = TestStack.of(StackOptions.forTests("logger-war/target/it-retention")
            .services(Set.of(Service.LOGGER))
            .zipkin(false)
            .setting(Service.LOGGER, "LOGGER_RETENTION", "PT6S")
            .setting(Service.LOGGER, "LOGGER_RETENTION_INTERVAL", "PT0.5S"));

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = STACK.stack();
    }

    private static long total(String name, String token) {
        URI url = stack.server(Service.LOGGER).url().resolve("logs?name=" + name);
        return Http.object(Http.getWithToken(url, token)).getJsonNumber("total").longValue();
    }

    @Test
    void entriesOlderThanTheRetentionAreDeletedAndNewerOnesKept() throws InterruptedException {
        String token = Tokens.signed(stack.secrets(), "reader@example.com", "user");
        URI log = stack.server(Service.LOGGER).url().resolve("log");
        assertEquals(
                202,
                Http.postJson(log, "{\"name\":\"old\",\"data\":\"soon gone\"}").statusCode());
        Thread.sleep(3000);
        assertEquals(
                202,
                Http.postJson(log, "{\"name\":\"young\",\"data\":\"stays a while\"}")
                        .statusCode());
        assertEquals(1, total("old", token), "not yet expired");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (total("old", token) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }

        assertEquals(0, total("old", token), "deleted after six seconds");
        assertEquals(1, total("young", token), "the newer one is kept until its own time");
        String metrics = Http.get(stack.server(Service.LOGGER).url().resolve("metrics?scope=application"))
                .body();
        assertTrue(metrics.contains("logger_entries_deleted_total"), "deletions are counted");
    }
}
