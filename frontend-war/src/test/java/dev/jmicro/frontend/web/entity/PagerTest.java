package dev.jmicro.frontend.web.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Objects;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The page list under a table, for every page, total and size. */
class PagerTest {

    @Example
    void aLongListShowsTheEndsAndTwoPagesEitherSideOfTheCurrentOne() {
        assertEquals("1 … 4 5 [6] 7 8 … 20", shown(new Pager(6, 400, 20)));
        assertEquals("[1] 2 3 … 20", shown(new Pager(1, 400, 20)));
        assertEquals("1 2 [3] 4 5 … 20", shown(new Pager(3, 400, 20)));
        assertEquals("[1]", shown(new Pager(1, 0, 20)), "an empty list is one empty page");
    }

    @Example
    void aPagePastTheEndIsClampedToTheLast() {
        assertEquals(3, new Pager(999, 41, 20).clamped());
        assertEquals(1, new Pager(5, 0, 20).clamped());
    }

    @Property
    void everyPageIsReachableAndTheCurrentOneIsMarkedOnce(
            @ForAll @IntRange(min = 1, max = 5000) int page,
            @ForAll @LongRange(min = 0, max = 100_000) long total,
            @ForAll @IntRange(min = 1, max = 200) int size) {
        Pager pager = new Pager(page, total, size);
        List<Pager.Link> links = pager.links();
        List<Integer> numbers =
                links.stream().map(Pager.Link::number).filter(Objects::nonNull).toList();

        assertEquals(Math.max(1, (total + size - 1) / size), pager.pages());
        assertEquals(1, numbers.get(0), "the first page");
        assertEquals(pager.pages(), (long) numbers.get(numbers.size() - 1), "the last page");
        assertTrue(numbers.size() <= 7, "at most the ends and five around the current one");
        for (int i = 1; i < numbers.size(); i++) {
            assertTrue(numbers.get(i) > numbers.get(i - 1), "in order, each once");
        }
        long marked = links.stream().filter(Pager.Link::current).count();
        assertEquals(page <= pager.pages() ? 1 : 0, marked, "the current page, when it exists");
        for (int i = 1; i < links.size(); i++) {
            assertTrue(links.get(i).number() != null || links.get(i - 1).number() != null, "no two gaps in a row");
        }
        assertTrue(pager.clamped() >= 1 && pager.clamped() <= pager.pages());
    }

    private static String shown(Pager pager) {
        return String.join(
                " ",
                pager.links().stream()
                        .map(link -> link.current() ? "[" + link.label() + "]" : link.label())
                        .toList());
    }
}
