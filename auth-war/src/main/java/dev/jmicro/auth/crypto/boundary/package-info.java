/** {@code /crypto}: encrypt and decrypt for signed-in callers, and the refusals as problem documents. */
package dev.jmicro.auth.crypto.boundary;
