package dev.jmicro.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class LocalStackMainTest {

    private final Path root = Path.of("/repo");

    @Test
    void defaultsAreTheDocumentedPortsWithTheTraceViewer() {
        StackOptions options = LocalStackMain.parse(new String[0], root);

        assertEquals(EnumSet.allOf(Service.class), options.services());
        assertEquals(9082, options.ports().get(Service.AUTH));
        assertEquals(9080, options.ports().get(Service.FRONTEND));
        assertTrue(options.zipkin());
        assertEquals(root.resolve("target/local-run"), options.runDir());
    }

    @Test
    void optionsChangeWhatTheyName() {
        StackOptions options = LocalStackMain.parse(
                new String[] {
                    "--services=auth,mail",
                    "--auth-port=19082",
                    "--no-zipkin",
                    "--ready-timeout=30",
                    "--postgres-url=postgresql://ci:pw@127.0.0.1:5432",
                    "--auth-database=ci_auth"
                },
                root);

        assertEquals(EnumSet.of(Service.AUTH, Service.MAIL), options.services());
        assertEquals(19082, options.ports().get(Service.AUTH));
        assertFalse(options.zipkin());
        assertEquals(Duration.ofSeconds(30), options.readyTimeout());
        assertEquals(URI.create("postgresql://ci:pw@127.0.0.1:5432"), options.postgresUrl());
        assertEquals("ci_auth", options.authDatabase());
    }

    @Test
    void mistakesAreNamed() {
        assertEquals("Unknown option: '--fast'", mistake("--fast"));
        assertEquals(
                "Invalid value for option '--services' (SERVICE): unknown service 'billing' (known: frontend, broker,"
                        + " auth, logger, listener, mail)",
                mistake("--services=auth,billing"));
        assertEquals(
                "Invalid value for option '--auth-port': needs a positive number, not 'x'", mistake("--auth-port=x"));
        assertEquals(
                "Invalid value for option '--ready-timeout': needs a positive number, not '0'",
                mistake("--ready-timeout=0"));
        assertEquals("--dev needs at least one service", mistake("--dev=,"));
    }

    @Test
    void everyServiceHasAPortOption() {
        StackOptions options = LocalStackMain.parse(new String[] {"--mail-port=19085", "--frontend-port=19080"}, root);

        assertEquals(19085, options.ports().get(Service.MAIL));
        assertEquals(19080, options.ports().get(Service.FRONTEND));
        assertEquals(9081, options.ports().get(Service.BROKER));
    }

    private String mistake(String arg) {
        return assertThrows(RuntimeException.class, () -> LocalStackMain.parse(new String[] {arg}, root))
                .getMessage();
    }
}
