package dev.jmicro.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that an environment (a Kubernetes container's, a compose service's) must meet for a service: what it
 * must set, what it must not set, and that every file it names is mounted. One set of rules for both.
 */
final class ServiceConfiguration {

    /**
     * Keys that the deployments must set although the code copes without them, with the reason. (Whatever defaults
     * to a local address, or has no default at all, is required without being listed.)
     */
    static final Map<String, Map<String, String>> REQUIRED_IN_DEPLOYMENTS = Map.of(
            "auth",
            Map.of(
                    "auth.admin.password", "without it no admin is seeded and nobody can sign in",
                    "jwt.signing-key.location",
                            "without it each replica signs with a key of its own: a token from one fails on another",
                    "amqp.host", "without it sign-in events go nowhere",
                    "crypto.keys.location", "without it nothing is encrypted and auth is never ready"));

    private final Path repository;

    ServiceConfiguration(Path repository) {
        this.repository = repository;
    }

    /** The keys this service cannot run without in a deployment, each with why. */
    Map<String, String> required(String service) {
        Map<String, ServiceSources.Setting> settings = ServiceSources.settings(repository, service);
        Map<String, String> required = new java.util.TreeMap<>();
        for (ServiceSources.Setting setting : settings.values()) {
            String value = setting.defaultValue();
            if (!setting.hasDefault() && !setting.optional()) {
                required.put(setting.key(), "it has no default (" + setting.source() + ")");
            } else if (value != null
                    && !value.contains("${")
                    && (value.contains("localhost") || value.contains("127.0.0.1"))) {
                required.put(
                        setting.key(), "its default " + value + " is a local run's address (" + setting.source() + ")");
            }
        }
        if (settings.containsKey("mp.jwt.verify.issuer")) {
            required.put("mp.jwt.verify.publickey.location", "it verifies tokens: it needs auth's public key");
        }
        required.putAll(REQUIRED_IN_DEPLOYMENTS.getOrDefault(service, Map.of()));
        return required;
    }

    /**
     * What is wrong with this environment for this service: a required key unset, a variable that no key of this
     * service (or, for the shared ones, of any service) reads, a file that is not among the mounted secrets.
     */
    List<String> faults(String service, Map<String, String> environment, Set<String> shared, List<String> secretFiles) {
        List<String> faults = new ArrayList<>();
        Map<String, String> image = ServiceSources.imageEnvironment(repository);
        Map<String, String> effective = new java.util.LinkedHashMap<>(image);
        effective.putAll(environment);
        required(service).forEach((key, why) -> {
            if (ServiceSources.fromEnvironment(effective, key).isEmpty()) {
                faults.add(service + " needs " + ServiceSources.environmentName(key) + " (" + key + "): " + why);
            }
        });
        Set<String> own = names(ServiceSources.settings(repository, service).keySet());
        Set<String> anyService = new LinkedHashSet<>(own);
        for (String other : Manifests.SERVICES) {
            anyService.addAll(names(ServiceSources.settings(repository, other).keySet()));
        }
        for (String variable : environment.keySet()) {
            String name = variable.endsWith("_FILE") ? variable.substring(0, variable.length() - 5) : variable;
            boolean read = own.contains(name) || (shared.contains(variable) && anyService.contains(name));
            if (!read) {
                faults.add(service + " gets " + variable + ", which it does not read");
            }
            if (variable.endsWith("_FILE")) {
                String file = environment.get(variable);
                String secret = file.substring(file.lastIndexOf('/') + 1);
                if (!file.equals("/run/secrets/" + secret) || !secretFiles.contains(secret)) {
                    faults.add(service + " reads " + variable + "=" + file + ", which is not among its mounted secrets "
                            + secretFiles);
                }
            }
        }
        return faults;
    }

    private static Set<String> names(Set<String> keys) {
        Set<String> names = new LinkedHashSet<>();
        for (String key : keys) {
            names.add(ServiceSources.environmentName(key));
        }
        return names;
    }
}
