package dev.jmicro.auth.users.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    // The lowest costs bcrypt takes: the policy is the same at any cost, and these are fast.
    private final PasswordHasher hasher = new PasswordHasher(5);

    @Test
    void aHashMatchesItsPasswordAndNoOther() {
        String hash = hasher.hash("correct horse");

        assertTrue(hasher.matches("correct horse", hash));
        assertFalse(hasher.matches("correct horse ", hash), "one more character");
        assertFalse(hasher.matches("Correct horse", hash), "case counts");
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(hasher.hash("same"), hasher.hash("same"), "a new salt every time");
    }

    @Test
    void aHashOfLowerCostNeedsARehashOneOfTheConfiguredCostDoesNot() {
        String weaker = new PasswordHasher(4).hash("pw");
        String stronger = new PasswordHasher(6).hash("pw");

        assertTrue(hasher.needsRehash(weaker), "cost 4 under a configured 5");
        assertFalse(hasher.needsRehash(hasher.hash("pw")));
        assertFalse(hasher.needsRehash(stronger), "a stronger hash is kept");
    }

    @Test
    void theOriginalSystemsHashesAreReadAndOnlyRehashedWhenWeaker() {
        // Go's bcrypt writes $2a$ at cost 12 by default: as strong as ours, and readable.
        String original = "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";

        assertFalse(hasher.needsRehash(original));
        assertFalse(hasher.matches("not it", original));
    }

    @Test
    void anUnreadableHashNeedsARehash() {
        assertTrue(hasher.needsRehash("not a bcrypt hash"));
    }
}
