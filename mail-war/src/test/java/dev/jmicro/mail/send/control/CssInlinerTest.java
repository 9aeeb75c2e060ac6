package dev.jmicro.mail.send.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class CssInlinerTest {

    private static Document inline(String css, String body) {
        return Jsoup.parse(
                CssInliner.inline("<html><head><style>" + css + "</style></head><body>" + body + "</body></html>"));
    }

    @Test
    void rulesBecomeStyleAttributesAndTheStyleSheetGoes() {
        Document mail = inline("p { color: red; } .note { font-size: 12px; }", "<p class=\"note\">x</p><div>y</div>");

        assertEquals("color: #ff0000; font-size: 12px;", mail.selectFirst("p").attr("style"));
        assertFalse(mail.selectFirst("div").hasAttr("style"), "unmatched elements stay as they were");
        assertEquals(0, mail.select("style").size());
    }

    @Test
    void theMoreSpecificRuleWinsWhateverItsPlace() {
        Document mail = inline("p.note { color: blue; } p { color: red; }", "<p class=\"note\">x</p>");

        assertEquals(
                "color: #ff0000; color: #0000ff;",
                mail.selectFirst("p").attr("style"),
                "the class rule comes last, so it applies");
    }

    @Test
    void aStyleWrittenOnTheElementWins() {
        Document mail = inline("p { color: red; }", "<p style=\"color: green\">x</p>");

        assertEquals("color: #ff0000; color: green", mail.selectFirst("p").attr("style"));
    }

    @Test
    void rulesThatCannotBeInlinedAreDropped() {
        Document mail = inline(
                "a:hover { color: red; } @media (max-width: 600px) { a { color: blue; } }", "<a href=\"#\">x</a>");

        assertFalse(mail.selectFirst("a").hasAttr("style"));
    }
}
