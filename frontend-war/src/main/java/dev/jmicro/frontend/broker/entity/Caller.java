package dev.jmicro.frontend.broker.entity;

import java.util.Optional;

/**
 * On whose behalf a call to the broker goes: the signed-in user's token, if any, and the address of the person at the
 * browser, which the broker's per-client sign-in limit counts ({@code X-Forwarded-For}).
 */
public record Caller(Optional<String> token, String address) {}
