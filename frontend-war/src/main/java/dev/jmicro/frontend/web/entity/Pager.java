package dev.jmicro.frontend.web.entity;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a list stands among its pages (counted from 1), and the page numbers to offer: the first, the last, and two
 * either side of the current one, with a gap where pages are left out ({@code 1 … 4 5 6 7 8 … 20}). A page past the
 * end is not a page: {@link #clamped} says which one to show instead.
 */
public record Pager(int page, long total, int size) {

    /** One entry of the page list: a page number, or a gap ({@code number} null). */
    public record Link(Integer number, boolean current) {

        public String label() {
            return number == null ? "…" : Integer.toString(number);
        }
    }

    private static final int AROUND = 2;

    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    /** The page to show for the one asked for: the last one when it was past the end. */
    public int clamped() {
        return (int) Math.min(page, pages());
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public List<Link> links() {
        long last = pages();
        List<Link> links = new ArrayList<>();
        long previous = 0;
        for (long n = 1; n <= last; n++) {
            boolean shown = n == 1 || n == last || Math.abs(n - page) <= AROUND;
            if (!shown) {
                continue;
            }
            if (n > previous + 1) {
                links.add(new Link(null, false));
            }
            links.add(new Link((int) n, n == page));
            previous = n;
        }
        return links;
    }
}
