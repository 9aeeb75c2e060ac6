package dev.jmicro.localstack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets for a local run, generated on first use and kept under the run directory (inside {@code target/}, which git
 * ignores) so the admin password stays the same until the next clean. Nothing secret is ever in the repository.
 *
 * @param adminPassword the seeded admin's password
 * @param privateKey PEM file (PKCS#8) the auth service signs tokens with
 * @param publicKey PEM file (X.509) the other services verify tokens with
 * @param cryptoKeys the auth service's encryption keys: one line {@code default.1=<base64 of 32 random bytes>}
 */
public record Secrets(String adminPassword, Path privateKey, Path publicKey, Path cryptoKeys) {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads the secrets in {@code dir}, generating whichever is missing. */
    public static Secrets loadOrCreate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path password = dir.resolve("admin-password");
            Path privateKey = dir.resolve("jwt-private.pem");
            Path publicKey = dir.resolve("jwt-public.pem");
            Path cryptoKeys = dir.resolve("crypto-keys");
            if (!Files.exists(password)) {
                writePrivate(password, randomPassword(24));
            }
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                writeKeyPair(privateKey, publicKey);
            }
            if (!Files.exists(cryptoKeys)) {
                writePrivate(cryptoKeys, cryptoKey("default", 1));
            }
            return new Secrets(Files.readString(password).trim(), privateKey, publicKey, cryptoKeys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write local secrets to " + dir, e);
        }
    }

    /** The private key's PEM text, e.g. for a test that signs a token of its own. */
    public String privateKeyPem() {
        try {
            return Files.readString(privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of a crypto keys file: a new random AES-256 key as version {@code version} of {@code name}. */
    public static String cryptoKey(String name, int version) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return name + "." + version + "=" + Base64.getEncoder().encodeToString(key) + "\n";
    }

    /** A random password of letters and digits that cannot be mistaken for each other. */
    public static String randomPassword(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static void writeKeyPair(Path privateKey, Path publicKey) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            var pair = generator.generateKeyPair();
            writePrivate(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has RSA", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** Writes a file only its owner can read. */
    public static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }
}
