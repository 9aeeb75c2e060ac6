package dev.jmicro.auth.signin.control;

import static dev.jmicro.localstack.testing.Eventually.becomes;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.testing.Stubs;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static SignInThrottle throttle(int accountFailures, int clientFailures, long lockSeconds) {
        SignInThrottle throttle = new SignInThrottle();
        throttle.accountFailures = accountFailures;
        throttle.clientFailures = clientFailures;
        throttle.windowSeconds = 900;
        throttle.lockSeconds = lockSeconds;
        throttle.metrics = Stubs.nothing(MetricRegistry.class);
        return throttle;
    }

    @Test
    void anAccountIsLockedAfterItsFailuresAndOnlyThatAccount() {
        SignInThrottle throttle = throttle(3, 100, 300);
        throttle.failed("ann@example.com", "192.0.2.1");
        throttle.failed("ann@example.com", "192.0.2.2");
        assertTrue(throttle.lockedFor("ann@example.com", "192.0.2.9").isEmpty(), "two failures lock nothing");

        throttle.failed("ANN@example.com ", "192.0.2.3");

        Duration locked = throttle.lockedFor("ann@example.com", "192.0.2.9").orElseThrow();
        assertTrue(locked.compareTo(Duration.ofSeconds(300)) <= 0 && locked.toSeconds() > 290, locked.toString());
        assertTrue(throttle.lockedFor("bob@example.com", "192.0.2.1").isEmpty(), "another account is not locked");
    }

    @Test
    void aClientIsLockedAfterItsFailuresAcrossAccounts() {
        SignInThrottle throttle = throttle(100, 4, 300);
        for (int i = 0; i < 4; i++) {
            throttle.failed("user" + i + "@example.com", "198.51.100.7");
        }

        assertTrue(throttle.lockedFor("someone@example.com", "198.51.100.7").isPresent(), "any account from it");
        assertTrue(throttle.lockedFor("someone@example.com", "198.51.100.8").isEmpty(), "another client is not");
    }

    @Test
    void aSuccessClearsTheAccountsFailuresButNotTheClients() {
        SignInThrottle throttle = throttle(2, 3, 300);
        throttle.failed("ann@example.com", "192.0.2.1");
        throttle.succeeded("ann@example.com");
        throttle.failed("ann@example.com", "192.0.2.1");
        assertTrue(throttle.lockedFor("ann@example.com", "192.0.2.50").isEmpty(), "the count began again");

        throttle.failed("bob@example.com", "192.0.2.1");
        assertTrue(throttle.lockedFor("carol@example.com", "192.0.2.1").isPresent(), "the client's third failure");
    }

    @Test
    void aLockEndsByItself() {
        SignInThrottle throttle = throttle(1, 100, 1);
        throttle.failed("ann@example.com", "192.0.2.1");
        assertFalse(throttle.lockedFor("ann@example.com", "192.0.2.1").isEmpty());

        assertTrue(becomes(Duration.ofSeconds(3), () -> throttle.lockedFor("ann@example.com", "192.0.2.1")
                .isEmpty()));
    }
}
