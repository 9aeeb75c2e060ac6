package dev.jmicro.listener.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.listener.events.entity.LogEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogEventDecoderTest {

    @Test
    void readsTheOriginalBodyAndKeepsIdAndTraceContext() throws Undeliverable {
        LogEvent event = LogEventDecoder.decode(
                "{\"name\":\"authentication\",\"data\":\"signed in\"}", "log.WARNING", "m-1", "00-abc-def-01");

        assertEquals("authentication", event.name());
        assertEquals("signed in", event.data());
        assertEquals("WARNING", event.level());
        assertEquals("m-1", event.key());
        assertEquals("00-abc-def-01", event.traceparent());
    }

    @ParameterizedTest
    @CsvSource({
        "log.ERROR, ERROR",
        "logs_topic.log.WARNING, WARNING",
        "/exchange/logs_topic/log.INFO, INFO",
        "/exchanges/logs_topic/log.WARNING, WARNING",
        "log.info, INFO",
        "log.DEBUG, INFO",
        "something else, INFO"
    })
    void takesTheLevelFromTheRoutingKeyOrAddress(String routing, String level) throws Undeliverable {
        assertEquals(
                level,
                LogEventDecoder.decode("{\"name\":\"n\",\"data\":\"d\"}", routing, null, null)
                        .level());
    }

    @Test
    void withoutRoutingOrIdTheEventIsInfoWithoutKey() throws Undeliverable {
        LogEvent event = LogEventDecoder.decode("{\"name\":\"n\",\"data\":\"d\"}", null, " ", null);

        assertEquals("INFO", event.level());
        assertNull(event.key(), "a blank id is no key");
    }

    @Test
    void keepsDataThatIsNotTextAsItsJson() throws Undeliverable {
        assertEquals(
                "{\"user\":42}",
                LogEventDecoder.decode("{\"name\":\"n\",\"data\":{\"user\":42}}", null, null, null)
                        .data());
        assertEquals(
                "", LogEventDecoder.decode("{\"name\":\"n\"}", null, null, null).data(), "no data");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "",
                "[\"an\",\"array\"]",
                "\"a string\"",
                "{\"data\":\"no name\"}",
                "{\"name\":\"  \",\"data\":\"blank\"}",
                "{\"name\":42,\"data\":\"number\"}",
                "{\"name\":\"cut"
            })
    void aBodyThatCanNeverBeStoredIsUndeliverableWithAReason(String body) {
        Undeliverable poison =
                assertThrows(Undeliverable.class, () -> LogEventDecoder.decode(body, "log.INFO", null, null));
        assertTrue(poison.getMessage() != null && !poison.getMessage().isBlank());
    }

    @Test
    void anEventBeyondTheLoggersLimitsIsUndeliverable() {
        String longName = "n".repeat(201);
        String longData = "d".repeat(65_537);

        assertThrows(
                Undeliverable.class,
                () -> LogEventDecoder.decode("{\"name\":\"" + longName + "\",\"data\":\"\"}", null, null, null));
        assertThrows(
                Undeliverable.class,
                () -> LogEventDecoder.decode("{\"name\":\"n\",\"data\":\"" + longData + "\"}", null, null, null));
    }
}
