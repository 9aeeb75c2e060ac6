package dev.jmicro.auth.crypto.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Encrypts and decrypts texts with the ring's keys. Optional associated data (a user id, a record's address) binds a
 * ciphertext to its context: it must be given again, the same, to decrypt. Counted as
 * {@code auth_crypto_operations_total{operation, outcome}}; neither texts nor keys appear in metrics or logs.
 */
@ApplicationScoped
public class Encryption {

    /** What an encryption gives back. */
    public record Sealed(String ciphertext, String key, int version) {}

    /** What a decryption gives back: the text, and which key version had sealed it (older than the newest: re-seal). */
    public record Opened(String plaintext, String key, int version, boolean newest) {}

    @Inject
    KeyRing ring;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "crypto.default-key", defaultValue = "default")
    String defaultKey;

    /** @param keyName the key to use; null for {@code crypto.default-key} */
    public Sealed encrypt(String plaintext, String keyName, String associatedData) {
        try {
            String name = keyName == null ? defaultKey : keyName;
            Map.Entry<Integer, SecretKey> newest = ring.newest(name).orElseThrow(() -> missing(name));
            byte[] sealed = Aead.seal(
                    newest.getValue(), utf8(plaintext, "plaintext"), associated(name, newest.getKey(), associatedData));
            count("encrypt", "ok");
            return new Sealed(new Ciphertext(name, newest.getKey(), sealed).toString(), name, newest.getKey());
        } catch (CryptoRefusal refusal) {
            count("encrypt", "refused");
            throw refusal;
        }
    }

    public Opened decrypt(String ciphertext, String associatedData) {
        try {
            Ciphertext parsed = Ciphertext.parse(ciphertext);
            SecretKey key = ring.find(parsed.key(), parsed.version()).orElseThrow(CryptoRefusal::notDecryptable);
            byte[] plaintext =
                    Aead.open(key, parsed.sealed(), associated(parsed.key(), parsed.version(), associatedData));
            boolean newest = ring.newest(parsed.key()).map(Map.Entry::getKey).orElse(0) == parsed.version();
            count("decrypt", "ok");
            return new Opened(new String(plaintext, StandardCharsets.UTF_8), parsed.key(), parsed.version(), newest);
        } catch (CryptoRefusal refusal) {
            count("decrypt", "refused");
            throw refusal;
        }
    }

    private CryptoRefusal missing(String name) {
        if (ring.problem().isPresent()) {
            return new CryptoRefusal(CryptoRefusal.Reason.NO_KEYS, "no encryption keys are configured");
        }
        return new CryptoRefusal(CryptoRefusal.Reason.UNKNOWN_KEY, "there is no key named \"" + name + "\"");
    }

    /** The ciphertext's header, then the caller's associated data: changing either fails the tag. */
    private static byte[] associated(String key, int version, String associatedData) {
        byte[] header = Ciphertext.header(key, version);
        if (associatedData == null || associatedData.isEmpty()) {
            return header;
        }
        byte[] context = utf8(associatedData, "associated_data");
        return ByteBuffer.allocate(header.length + context.length)
                .put(header)
                .put(context)
                .array();
    }

    /** Strict UTF-8: a lone surrogate would silently become "?" and the text would not come back as it went in. */
    private static byte[] utf8(String text, String field) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] array = new byte[bytes.remaining()];
            bytes.get(array);
            return array;
        } catch (CharacterCodingException e) {
            throw new CryptoRefusal(CryptoRefusal.Reason.NOT_UNICODE, field + " is not valid Unicode");
        }
    }

    private void count(String operation, String outcome) {
        metrics.counter("auth.crypto.operations", new Tag("operation", operation), new Tag("outcome", outcome))
                .inc();
    }
}
