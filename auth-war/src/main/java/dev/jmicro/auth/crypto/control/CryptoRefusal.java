package dev.jmicro.auth.crypto.control;

/**
 * Why an encryption or decryption was refused. The texts are fixed: a decryption refusal never says which check
 * failed, so a caller learns nothing about a ciphertext or its plaintext from it.
 */
public class CryptoRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kinds of refusal; the boundary maps each to a status. */
    public enum Reason {
        /** Encrypt with a key name the ring does not hold. */
        UNKNOWN_KEY,
        /** Tampered, truncated, foreign, for other associated data, or of a key version no longer held. */
        NOT_DECRYPTABLE,
        /** A text that is not valid Unicode (a lone UTF-16 surrogate): it could not come back as it went in. */
        NOT_UNICODE,
        /** The service holds no keys (none configured, or the file cannot be read). */
        NO_KEYS
    }

    private final Reason reason;

    CryptoRefusal(Reason reason, String message) {
        super(message, null, false, false); // no stack trace: a refusal is an answer, not a failure
        this.reason = reason;
    }

    static CryptoRefusal notDecryptable() {
        return new CryptoRefusal(Reason.NOT_DECRYPTABLE, "the ciphertext cannot be decrypted");
    }

    public Reason reason() {
        return reason;
    }
}
