package dev.jmicro.auth.crypto.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The named, versioned AES-256 keys, from the file at {@code crypto.keys.location} (a mounted secret; the local
 * launcher and {@code docker/generate-secrets.sh} make one). One line per key version,
 * {@code <name>.<version>=<base64 of 32 random bytes>}:
 *
 * <pre>
 * default.1=9Xy…=
 * default.2=Qm4…=
 * </pre>
 *
 * The highest version of a name encrypts; every version held decrypts. To rotate, add the next version: the file is
 * read again when it changes (checked at most every {@code crypto.keys.reload-seconds}), so a Kubernetes Secret update
 * reaches a running service. A changed file that cannot be read keeps the keys held before. No key material is ever
 * logged.
 */
@ApplicationScoped
public class KeyRing {

    /** A key's name: what callers may send, and what a ciphertext carries. */
    static final String NAME = "[a-z0-9][a-z0-9_-]{0,31}";

    private static final Pattern ENTRY = Pattern.compile("(" + NAME + ")\\.([1-9][0-9]{0,8})");
    private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());

    /** One name's versions, oldest first. */
    record Versions(SortedMap<Integer, SecretKey> keys) {
        int newest() {
            return keys.lastKey();
        }
    }

    @Inject
    @ConfigProperty(name = "crypto.keys.location")
    Optional<String> location;

    @Inject
    @ConfigProperty(name = "crypto.keys.reload-seconds", defaultValue = "30")
    long reloadSeconds;

    private volatile Map<String, Versions> keys = Map.of();
    private volatile String problem = "not loaded";
    private volatile FileTime readAt;
    private volatile long checkedAtNanos;

    @PostConstruct
    void load() {
        if (location.isEmpty() || location.get().isBlank()) {
            problem = "crypto.keys.location is not set";
            LOG.warning(problem + ": nothing can be encrypted");
            return;
        }
        reloadIfChanged();
    }

    /** The names held and their versions, oldest first: what {@code GET /crypto/keys} shows. */
    public Map<String, List<Integer>> versions() {
        refresh();
        Map<String, List<Integer>> shown = new TreeMap<>();
        keys.forEach(
                (name, versions) -> shown.put(name, List.copyOf(versions.keys().keySet())));
        return shown;
    }

    /** Why no key is held, if none is. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The newest version of a name, if the ring holds it. */
    Optional<Map.Entry<Integer, SecretKey>> newest(String name) {
        refresh();
        Versions versions = keys.get(name);
        return versions == null
                ? Optional.empty()
                : Optional.of(Map.entry(versions.newest(), versions.keys().get(versions.newest())));
    }

    /** One version of a name, if the ring holds it. */
    Optional<SecretKey> find(String name, int version) {
        refresh();
        Versions versions = keys.get(name);
        return versions == null
                ? Optional.empty()
                : Optional.ofNullable(versions.keys().get(version));
    }

    private void refresh() {
        if (location.isPresent() && System.nanoTime() - checkedAtNanos > reloadSeconds * 1_000_000_000L) {
            reloadIfChanged();
        }
    }

    private synchronized void reloadIfChanged() {
        checkedAtNanos = System.nanoTime();
        Path file = Path.of(location.get().trim());
        try {
            FileTime modified = Files.getLastModifiedTime(file); // follows the symlinks of a Kubernetes Secret volume
            if (modified.equals(readAt)) {
                return;
            }
            Map<String, Versions> read = read(file);
            keys = read;
            readAt = modified;
            problem = read.isEmpty() ? "no keys in " + file : null;
            LOG.info("crypto keys read from " + file + ": " + describe(read));
        } catch (IOException | IllegalArgumentException e) {
            String why = "cannot read the crypto keys at " + file + ": " + e.getMessage();
            if (keys.isEmpty()) {
                problem = why;
            }
            LOG.severe(why + (keys.isEmpty() ? "" : "; keeping the keys read before"));
        }
    }

    /** Every entry must be well formed: a half-read ring would encrypt with an old version without saying so. */
    static Map<String, Versions> read(Path file) throws IOException {
        Properties entries = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            entries.load(in);
        }
        Map<String, Versions> ring = new TreeMap<>();
        for (String entry : entries.stringPropertyNames()) {
            Matcher parts = ENTRY.matcher(entry);
            if (!parts.matches()) {
                throw new IllegalArgumentException(
                        "\"" + entry + "\" is not <name>.<version> (a name of a-z, 0-9, _ and -, a version from 1)");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(entries.getProperty(entry).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the value of " + entry + " is not base64");
            }
            if (material.length != 32) {
                throw new IllegalArgumentException(
                        "the key " + entry + " has " + material.length + " bytes; AES-256 needs 32");
            }
            ring.computeIfAbsent(parts.group(1), name -> new Versions(new TreeMap<>()))
                    .keys()
                    .put(Integer.parseInt(parts.group(2)), new SecretKeySpec(material, "AES"));
        }
        ring.replaceAll((name, versions) -> new Versions(Collections.unmodifiableSortedMap(versions.keys())));
        return Collections.unmodifiableMap(ring);
    }

    private static String describe(Map<String, Versions> ring) {
        StringBuilder names = new StringBuilder();
        ring.forEach((name, versions) -> names.append(names.isEmpty() ? "" : ", ")
                .append(name)
                .append(" ")
                .append(versions.keys().keySet()));
        return names.isEmpty() ? "none" : names.toString();
    }
}
