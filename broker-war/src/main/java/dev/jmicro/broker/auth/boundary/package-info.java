/**
 * The broker's own API onto the auth service: sign-in for a token, user administration, encryption, who the token
 * belongs to, and the refusal of revoked tokens on every route.
 */
package dev.jmicro.broker.auth.boundary;
