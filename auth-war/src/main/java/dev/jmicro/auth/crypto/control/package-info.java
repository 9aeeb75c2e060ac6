/**
 * Encryption as a service: named, versioned AES-256 keys held by the service ({@link KeyRing}), AES-GCM sealing with
 * the key's name and version in every ciphertext ({@link Ciphertext}, {@link Aead}), and the operations with their
 * refusals ({@link Encryption}, {@link CryptoRefusal}).
 */
package dev.jmicro.auth.crypto.control;
