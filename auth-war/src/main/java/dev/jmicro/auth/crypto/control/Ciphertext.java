package dev.jmicro.auth.crypto.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ciphertext as callers hold it: {@code jm1.<key>.<version>.<sealed>}, e.g. {@code jm1.default.2.q83v…}, where
 * {@code sealed} is base64url (no padding) of the 12-byte nonce, the encrypted text and the 16-byte GCM tag. The
 * header up to and including the last dot is authenticated with the text (it is the start of the associated data),
 * so a ciphertext cannot be moved to another key or version; its form is checked before any key is looked up.
 *
 * @param key the key's name
 * @param version the key's version
 * @param sealed nonce, encrypted text and tag
 */
public record Ciphertext(String key, int version, byte[] sealed) {

    /** The format's version; a new format would get {@code jm2}. */
    static final String FORMAT = "jm1";

    private static final Pattern FORM =
            Pattern.compile("jm1\\.(" + KeyRing.NAME + ")\\.([1-9][0-9]{0,8})\\.([A-Za-z0-9_-]+)");

    /** The ciphertext in its form, or a refusal that does not say what is wrong with it. */
    static Ciphertext parse(String text) {
        Matcher parts = FORM.matcher(text);
        if (!parts.matches()) {
            throw CryptoRefusal.notDecryptable();
        }
        try {
            byte[] sealed = Base64.getUrlDecoder().decode(parts.group(3));
            Ciphertext parsed = new Ciphertext(parts.group(1), Integer.parseInt(parts.group(2)), sealed);
            // The last character of base64 can carry unused bits; one ciphertext has exactly one spelling.
            if (!parsed.toString().equals(text)) {
                throw CryptoRefusal.notDecryptable();
            }
            return parsed;
        } catch (IllegalArgumentException e) { // base64url of an impossible length
            throw CryptoRefusal.notDecryptable();
        }
    }

    /** {@code jm1.<key>.<version>.}: what the ciphertext starts with, and the start of its associated data. */
    static byte[] header(String key, int version) {
        return (FORMAT + "." + key + "." + version + ".").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return FORMAT + "." + key + "." + version + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }
}
