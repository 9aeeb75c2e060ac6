/**
 * Everything the broker asks the auth service: sign-ins (behind the broker's own rate limit), tokens and their
 * revocations, user administration and encryption, each call guarded.
 */
package dev.jmicro.broker.auth.control;
