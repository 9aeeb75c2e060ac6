package dev.jmicro.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The audit the browser tests run on every page finds what it must: a page built with known serious and critical
 * faults reports each of them, and the same page without them reports nothing. Without this, an audit that silently
 * checked nothing would look like a clean front end.
 */
class AccessibilityAuditIT {

    private static final String FAULTY =
            """
            <!DOCTYPE html><html lang="en"><head><title>faulty</title></head><body><main>
            <h1>Faulty</h1>
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            <button></button>
            <p style="color:#bbbbbb;background:#ffffff">Low contrast text</p>
            </main></body></html>""";

    private static final String FIXED =
            """
            <!DOCTYPE html><html lang="en"><head><title>fixed</title></head><body><main>
            <h1>Fixed</h1>
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="a dot">
            <button>Send</button>
            <p style="color:#1b1f24;background:#ffffff">Readable text</p>
            </main></body></html>""";

    @Test
    void findsSeriousAndCriticalFaultsAndNothingOnceTheyAreFixed() {
        try (Browser browser = Browser.open(URI.create("about:blank"))) {
            browser.go(page(FAULTY));
            List<String> found = browser.accessibilityViolations();
            assertTrue(found.stream().anyMatch(v -> v.startsWith("critical image-alt")), found.toString());
            assertTrue(found.stream().anyMatch(v -> v.startsWith("critical button-name")), found.toString());
            assertTrue(found.stream().anyMatch(v -> v.startsWith("serious color-contrast")), found.toString());

            browser.go(page(FIXED));
            assertEquals(List.of(), browser.accessibilityViolations());
        }
    }

    private static String page(String html) {
        return "data:text/html;charset=utf-8,"
                + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
