package dev.jmicro.localstack.backing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.StackOptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmqpTopologyTest {

    @Test
    void theRepositoryDefinitionsBecomeAWildcardQueueWithADeadLetterQueue() throws Exception {
        AmqpTopology topology = AmqpTopology.read(StackOptions.findRoot().resolve("docker/rabbitmq/definitions.json"));

        assertEquals(
                List.of(
                        new AmqpTopology.Queue("log_events", "logs_topic.log.#", "logs_dlx"),
                        new AmqpTopology.Queue("log_events.dead", "logs_dlx", null)),
                topology.queues());
    }

    @Test
    void aQueueWithTwoBindingsIsRefusedBecauseArtemisCannotExpressIt() {
        JsonObject definitions = json(
                """
                {"exchanges":[{"name":"x","type":"topic"}],
                 "queues":[{"name":"q","arguments":{}}],
                 "bindings":[{"source":"x","destination":"q","destination_type":"queue","routing_key":"a.#"},
                             {"source":"x","destination":"q","destination_type":"queue","routing_key":"b.#"}]}
                """);

        var error = assertThrows(IllegalArgumentException.class, () -> AmqpTopology.of(definitions));
        assertTrue(error.getMessage().contains("more than one binding"), error.getMessage());
    }

    @Test
    void aBindingFromAnUndeclaredExchangeIsRefused() {
        JsonObject definitions = json(
                """
                {"exchanges":[], "queues":[{"name":"q"}],
                 "bindings":[{"source":"nope","destination":"q","destination_type":"queue","routing_key":"#"}]}
                """);

        var error = assertThrows(IllegalArgumentException.class, () -> AmqpTopology.of(definitions));
        assertTrue(error.getMessage().contains("undeclared exchange nope"), error.getMessage());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
