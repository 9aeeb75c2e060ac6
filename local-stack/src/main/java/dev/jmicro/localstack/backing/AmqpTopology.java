package dev.jmicro.localstack.backing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates the RabbitMQ definitions file (exchanges, queues, bindings, dead-letter exchanges) into Artemis terms, so
 * the embedded broker has exactly the topology RabbitMQ gets everywhere else. A RabbitMQ exchange {@code X} with a
 * binding key {@code K} becomes the Artemis address {@code X.K} (a fanout exchange: just {@code X}); Artemis address wildcards ({@code #}, {@code *},
 * {@code .}) mean what AMQP topic patterns mean, so publishing to {@code logs_topic.log.INFO} reaches a queue bound on
 * {@code logs_topic.log.#}.
 */
public record AmqpTopology(List<Queue> queues) {

    /**
     * One durable queue on its (wildcard) address.
     *
     * @param deadLetterAddress where rejected messages go, or null
     */
    public record Queue(String name, String address, String deadLetterAddress) {}

    public static AmqpTopology read(Path definitions) throws IOException {
        try (Reader reader = Files.newBufferedReader(definitions);
                JsonReader json = Json.createReader(reader)) {
            return of(json.readObject());
        }
    }

    public static AmqpTopology of(JsonObject definitions) {
        Map<String, String> exchangeTypes = new HashMap<>();
        definitions
                .getJsonArray("exchanges")
                .getValuesAs(JsonObject.class)
                .forEach(exchange -> exchangeTypes.put(exchange.getString("name"), exchange.getString("type")));

        Map<String, String> addressOfQueue = new HashMap<>();
        for (JsonObject binding : definitions.getJsonArray("bindings").getValuesAs(JsonObject.class)) {
            if (!"queue".equals(binding.getString("destination_type"))) {
                throw new IllegalArgumentException("only exchange-to-queue bindings are supported: " + binding);
            }
            String exchange = binding.getString("source");
            String type = exchangeTypes.get(exchange);
            if (type == null) {
                throw new IllegalArgumentException("binding from undeclared exchange " + exchange);
            }
            String address = addressOf(exchange, type, binding.getString("routing_key", ""));
            String queue = binding.getString("destination");
            if (addressOfQueue.putIfAbsent(queue, address) != null) {
                // An Artemis queue lives on exactly one address.
                throw new IllegalArgumentException("queue " + queue + " has more than one binding");
            }
        }

        List<Queue> queues = new ArrayList<>();
        for (JsonObject queue : definitions.getJsonArray("queues").getValuesAs(JsonObject.class)) {
            String name = queue.getString("name");
            String address = addressOfQueue.get(name);
            if (address == null) {
                throw new IllegalArgumentException("queue " + name + " is not bound to any exchange");
            }
            JsonObject arguments = queue.getJsonObject("arguments");
            String deadLetterExchange = arguments == null ? null : arguments.getString("x-dead-letter-exchange", null);
            queues.add(new Queue(name, address, deadLetterAddress(deadLetterExchange, exchangeTypes)));
        }
        return new AmqpTopology(List.copyOf(queues));
    }

    /**
     * Artemis sends a dead letter to one literal address (it refuses wildcards there). A fanout exchange's queues sit
     * on the plain address named after the exchange, so that name is the dead-letter address. RabbitMQ would keep the
     * routing key for a topic exchange; nothing here needs that, so it is refused.
     */
    private static String deadLetterAddress(String exchange, Map<String, String> exchangeTypes) {
        if (exchange == null) {
            return null;
        }
        if (!"fanout".equals(exchangeTypes.get(exchange))) {
            throw new IllegalArgumentException(
                    "dead-letter exchange " + exchange + " must be a declared fanout exchange");
        }
        return exchange;
    }

    /** The Artemis address of a queue bound to an exchange of the given type with the given key. */
    private static String addressOf(String exchange, String exchangeType, String routingKey) {
        return switch (exchangeType) {
            case "topic", "direct" -> exchange + "." + routingKey;
            case "fanout" -> exchange;
            default -> throw new IllegalArgumentException("unsupported exchange type " + exchangeType);
        };
    }
}
