package dev.jmicro.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service reads, from its sources: the keys of its {@code microprofile-config.properties}, the variables of
 * its {@code server.xml}, and the keys its code (and service-support's) asks MicroProfile Config for, each with its
 * default if it has one. Environment variables reach them by MicroProfile Config's and Liberty's one rule: every
 * character that is not a letter or digit becomes {@code _}, then upper case ({@code db.host} is {@code DB_HOST}).
 */
final class ServiceSources {

    /** A key a service reads: its default (null for none) and whether the code copes without any value. */
    record Setting(String key, String defaultValue, boolean optional, String source) {
        boolean hasDefault() {
            return defaultValue != null;
        }
    }

    private static final Pattern VARIABLE =
            Pattern.compile("<variable\\s+name=\"([^\"]+)\"(?:\\s+defaultValue=\"([^\"]*)\")?");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile(
            "@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"(?:\\s*,\\s*defaultValue\\s*=\\s*\"([^\"]*)\")?\\s*\\)\\s*"
                    + "(?:@\\w+\\s+)*([\\w.<>]+)");
    private static final Pattern LOOKUP = Pattern.compile("[cC]onfig\\s*\\.\\s*get(Optional)?Value\\(\\s*\"([^\"]+)\"");
    /** Liberty's own variables, always defined. */
    private static final List<String> LIBERTY_VARIABLES =
            List.of("server.config.dir", "server.output.dir", "wlp.install.dir", "wlp.user.dir", "shared.resource.dir");

    /**
     * Keys that Liberty's features read, by feature: MicroProfile Telemetry's OpenTelemetry settings, MicroProfile
     * JWT's public key; every server's default keystore reads keystore_password (which Liberty takes as it is).
     */
    private static final Map<String, List<String>> FEATURE_KEYS = Map.of(
            "mpTelemetry",
            List.of(
                    "otel.sdk.disabled",
                    "otel.service.name",
                    "otel.traces.exporter",
                    "otel.metrics.exporter",
                    "otel.logs.exporter",
                    "otel.exporter.otlp.endpoint",
                    "otel.exporter.otlp.protocol"),
            "mpJwt",
            List.of("mp.jwt.verify.publickey.location"),
            "",
            List.of("keystore_password"));

    private ServiceSources() {}

    static String environmentName(String key) {
        if (key.equals("keystore_password")) {
            return key;
        }
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Every key the service reads, by name. */
    static Map<String, Setting> settings(Path repository, String service) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        Path module = repository.resolve(service + "-war");
        for (Path sources :
                List.of(module.resolve("src/main/java"), repository.resolve("service-support/src/main/java"))) {
            for (Path file : javaFiles(sources)) {
                String code = read(file);
                Matcher property = CONFIG_PROPERTY.matcher(code);
                while (property.find()) {
                    boolean optional = property.group(3).startsWith("Optional");
                    settings.put(
                            property.group(1),
                            new Setting(
                                    property.group(1),
                                    property.group(2),
                                    optional,
                                    file.getFileName().toString()));
                }
                Matcher lookup = LOOKUP.matcher(code);
                while (lookup.find()) {
                    settings.putIfAbsent(
                            lookup.group(2),
                            new Setting(
                                    lookup.group(2),
                                    null,
                                    lookup.group(1) != null,
                                    file.getFileName().toString()));
                }
            }
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(
                    read(module.resolve("src/main/resources/META-INF/microprofile-config.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : properties.stringPropertyNames()) {
            Setting code = settings.get(key);
            settings.put(
                    key,
                    new Setting(
                            key,
                            properties.getProperty(key),
                            code != null && code.optional(),
                            "microprofile-config.properties"));
        }
        String serverXml = read(module.resolve("src/main/liberty/config/server.xml"));
        Matcher variable = VARIABLE.matcher(serverXml);
        while (variable.find()) {
            settings.put(variable.group(1), new Setting(variable.group(1), variable.group(2), false, "server.xml"));
        }
        Matcher reference = REFERENCE.matcher(serverXml);
        while (reference.find()) {
            String name = reference.group(1);
            if (!name.startsWith("env.") && !LIBERTY_VARIABLES.contains(name)) {
                settings.putIfAbsent(name, new Setting(name, null, false, "server.xml"));
            }
        }
        for (Map.Entry<String, List<String>> feature : FEATURE_KEYS.entrySet()) {
            if (serverXml.contains("<feature>" + feature.getKey())) {
                for (String key : feature.getValue()) {
                    settings.putIfAbsent(key, new Setting(key, null, true, feature.getKey() + " feature"));
                }
            }
        }
        return settings;
    }

    /** The value a key gets from an environment, directly or (docker/liberty/bin/entrypoint.sh) from NAME_FILE. */
    static Optional<String> fromEnvironment(Map<String, String> environment, String key) {
        String name = environmentName(key);
        if (environment.containsKey(name)) {
            return Optional.of(environment.get(name));
        }
        return Optional.ofNullable(environment.get(name + "_FILE")).map(file -> "file:" + file);
    }

    /** The variables docker/liberty/Dockerfile sets in every image (ENV NAME=value ...). */
    static Map<String, String> imageEnvironment(Path repository) {
        String dockerfile =
                read(repository.resolve("docker/liberty/Dockerfile")).replace("\\\n", " ");
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : dockerfile.split("\n")) {
            if (line.startsWith("ENV ")) {
                Matcher pair = Pattern.compile("(\\w+)=(\\S+)").matcher(line);
                while (pair.find()) {
                    environment.put(pair.group(1), pair.group(2));
                }
            }
        }
        return environment;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
