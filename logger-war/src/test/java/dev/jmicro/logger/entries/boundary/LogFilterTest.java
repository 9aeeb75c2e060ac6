package dev.jmicro.logger.entries.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogFilterTest {

    @Test
    void nothingGivenIsTheFirstPageOfTwentyOfEverything() {
        var query = new LogFilter().toQuery();

        assertEquals(1, query.page());
        assertEquals(20, query.size());
        assertNull(query.text());
        assertNull(query.level());
        assertNull(query.from());
    }

    @Test
    void everyFilterIsTaken() {
        LogFilter filter = new LogFilter();
        filter.text = "disk";
        filter.name = "backup";
        filter.level = "warning";
        filter.from = "2026-11-21T09:00:00Z";
        filter.to = "2026-11-21T10:00:00Z";
        filter.page = "3";
        filter.size = "50";

        var query = filter.toQuery();

        assertEquals("disk", query.text());
        assertEquals("backup", query.name());
        assertEquals("WARNING", query.level().name());
        assertEquals(Instant.parse("2026-11-21T09:00:00Z"), query.from());
        assertEquals(Instant.parse("2026-11-21T10:00:00Z"), query.to());
        assertEquals(3, query.page());
        assertEquals(50, query.size());
    }

    @Test
    void aBlankTextFindsEverything() {
        LogFilter filter = new LogFilter();
        filter.text = "   ";

        assertNull(filter.toQuery().text());
    }

    @Test
    void aRangeMustRunForward() {
        LogFilter filter = new LogFilter();
        filter.from = "2026-11-21T10:00:00Z";
        filter.to = "2026-11-21T10:00:00Z";

        assertEquals(
                "from must be before to",
                assertThrows(BadRequestException.class, filter::toQuery).getMessage());
    }

    @Test
    void aPageLargerThanTheLimitAndAMomentThatIsNoneAreRefusedByName() {
        LogFilter large = new LogFilter();
        large.size = "201";
        LogFilter notAMoment = new LogFilter();
        notAMoment.from = "yesterday";

        assertEquals(
                "size: must be a whole number from 1 to 200",
                assertThrows(BadRequestException.class, large::toQuery).getMessage());
        assertEquals(
                "from: must be an ISO-8601 instant such as 2026-11-21T09:30:00Z",
                assertThrows(BadRequestException.class, notAMoment::toQuery).getMessage());
    }
}
