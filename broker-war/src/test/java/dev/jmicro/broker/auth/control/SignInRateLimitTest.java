package dev.jmicro.broker.auth.control;

import static dev.jmicro.localstack.testing.Eventually.becomes;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.testing.Stubs;
import java.time.Duration;
import java.util.OptionalLong;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;

class SignInRateLimitTest {

    private static SignInRateLimit limit(int perWindow, long windowSeconds) {
        SignInRateLimit limit = new SignInRateLimit();
        limit.limit = perWindow;
        limit.windowSeconds = windowSeconds;
        limit.metrics = Stubs.nothing(MetricRegistry.class);
        return limit;
    }

    @Test
    void aClientGetsItsSignInsPerWindowThenAWaitUntilTheWindowEnds() {
        SignInRateLimit limit = limit(3, 60);
        for (int i = 0; i < 3; i++) {
            assertTrue(limit.tryAcquire("192.0.2.1").isEmpty(), "sign-in " + (i + 1));
        }

        OptionalLong wait = limit.tryAcquire("192.0.2.1");

        assertTrue(wait.isPresent(), "the fourth is refused");
        assertTrue(wait.getAsLong() >= 1 && wait.getAsLong() <= 60, "wait " + wait.getAsLong() + " s");
    }

    @Test
    void eachClientCountsOnItsOwn() {
        SignInRateLimit limit = limit(1, 60);
        limit.tryAcquire("192.0.2.1");

        assertTrue(limit.tryAcquire("192.0.2.1").isPresent());
        assertTrue(limit.tryAcquire("192.0.2.2").isEmpty(), "another address");
    }

    @Test
    void aNewWindowBeginsAgain() {
        SignInRateLimit limit = limit(1, 1);
        limit.tryAcquire("192.0.2.1");
        assertTrue(limit.tryAcquire("192.0.2.1").isPresent());

        assertTrue(becomes(
                Duration.ofSeconds(3), () -> limit.tryAcquire("192.0.2.1").isEmpty()));
    }
}
