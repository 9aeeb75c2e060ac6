/** {@code /api/crypto} and the payloads of the original {@code /handle} actions {@code encrypt} and {@code decrypt}. */
package dev.jmicro.broker.crypto.boundary;
