package dev.jmicro.frontend.web.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

    private final Times times = new Times();

    @Test
    void everyMomentIsShownInUtcInOneFormat() {
        assertEquals("2026-11-21 08:30:00 UTC", times.format("2026-11-21T09:30:00+01:00"));
        assertEquals("2026-11-21 09:30:00 UTC", times.format("2026-11-21T09:30:00Z"));
        assertEquals("2026-11-21 09:30:00 UTC", times.format(Instant.parse("2026-11-21T09:30:00.123Z")));
    }

    @Test
    void textThatIsNoMomentStaysAsItIsAndNothingIsEmpty() {
        assertEquals("soon", times.format("soon"));
        assertEquals("", times.format((String) null));
        assertEquals("", times.format(" "));
        assertEquals("", times.format((Instant) null));
    }
}
