package dev.jmicro.mail.send.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.mail.send.entity.MailOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailComposerTest {

    private final MailComposer composer = new MailComposer("jmicro");

    private static MailOrder order(String template, String message, Map<String, String> fields) {
        return new MailOrder("id", null, List.of("a@b.org"), "Hi <you>", message, template, fields, Instant.now());
    }

    @Test
    void theMessageIsTextInBothParts() {
        MailComposer.Rendered mail = composer.render(order(null, "1 < 2 & <b>bold</b>", Map.of()));

        assertTrue(mail.text().contains("1 < 2 & <b>bold</b>"), mail.text());
        assertTrue(mail.html().contains("1 &lt; 2 &amp; &lt;b&gt;bold&lt;/b&gt;"), mail.html());
        assertTrue(mail.html().contains("<title>Hi &lt;you&gt;</title>"), "subject escaped too");
        assertTrue(mail.text().startsWith("Hi <you>\n\n"), "the text layout keeps its blank line: " + mail.text());
    }

    @Test
    void aTemplateUsesItsFieldsAndFallsBackWhenOneIsMissing() {
        MailComposer.Rendered named = composer.render(order("welcome", "", Map.of("first_name", "Ann")));
        MailComposer.Rendered anonymous = composer.render(order("welcome", "", Map.of()));

        assertTrue(named.text().contains("Welcome, Ann!"), named.text());
        assertTrue(anonymous.text().contains("Welcome, there!"), anonymous.text());
    }

    @Test
    void onlyCompleteTemplatesAreKnown() {
        assertTrue(composer.knows("default"));
        assertTrue(composer.knows("welcome"));
        assertTrue(composer.knows("password-changed"));
        assertFalse(composer.knows("layout"), "the layout has no text part: not a mail of its own");
        assertFalse(composer.knows("nope"));
    }
}
