package dev.jmicro.localstack.backing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void everyPartOfTheUrlIsRead() {
        assertEquals(
                new Endpoint("db.example", 6543, "ci", "s3:cret"),
                Endpoint.of(URI.create("postgresql://ci:s3:cret@db.example:6543"), 5432, "postgres", ""));
    }

    @Test
    void missingPartsTakeTheDefaults() {
        assertEquals(
                new Endpoint("127.0.0.1", 5672, "guest", "guest"),
                Endpoint.of(URI.create("amqp://127.0.0.1"), 5672, "guest", "guest"));
        assertEquals(
                new Endpoint("127.0.0.1", 5432, "postgres", ""),
                Endpoint.of(URI.create("postgresql://postgres@127.0.0.1"), 5432, "x", "y"));
    }

    @Test
    void aUrlWithoutHostIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Endpoint.of(URI.create("localhost:5432"), 1, "u", "p"));
    }
}
