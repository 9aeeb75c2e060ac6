package dev.jmicro.support.requests.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.support.problem.entity.Problem;
import jakarta.ws.rs.WebApplicationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The request body rules on their own: what passes, and that everything else is one 400, never another failure. */
class RequestBodyRulesTest {

    @Test
    void oneValueOfAnyKindPassesTinyOnesIncluded() {
        for (String body : List.of("{}", "[]", "1", "\"\"", "{\"a\":{\"b\":[1,2,{\"c\":null}]}}", " {\"é\":\"ü\"} ")) {
            RequestBodyRules.requireOneJsonValue(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void whatTheBindingWouldTakeSilentlyOrFailOnIsA400() {
        assertRefused("{", "Malformed JSON body");
        assertRefused("{}{}", "exactly one JSON value");
        assertRefused("{\"a\":1,\"a\":2}", "the member \"a\" is given twice");
        assertRefused("{\"x\":[{\"a\":1,\"b\":{\"a\":1},\"a\":3}]}", "the member \"a\" is given twice");
        assertRefused("[".repeat(33) + "]".repeat(33), "nested deeper than 32 levels");
        assertRefused("{\"a\":".repeat(40) + "1" + "}".repeat(40), "nested deeper than 32 levels");
        RequestBodyRules.requireOneJsonValue(("[".repeat(32) + "]".repeat(32)).getBytes(StandardCharsets.UTF_8));
        WebApplicationException notUtf8 = assertThrows(
                WebApplicationException.class,
                () -> RequestBodyRules.requireOneJsonValue(new byte[] {'"', (byte) 0xC3, '"'}));
        assertEquals("Malformed JSON body: it is not UTF-8", detail(notUtf8));
    }

    /** Generated bodies: JSON-like fragments, arbitrary bytes, deep and repeated structures. */
    @Property(tries = 2000)
    void anyBodyPassesOrIsA400(@ForAll("bodies") byte[] body) {
        try {
            RequestBodyRules.requireOneJsonValue(body);
        } catch (WebApplicationException refused) {
            assertEquals(400, refused.getResponse().getStatus());
            assertTrue(detail(refused).startsWith("Malformed JSON body"), detail(refused));
        }
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<String> tokens = Arbitraries.of(
                        "{",
                        "}",
                        "[",
                        "]",
                        ":",
                        ",",
                        "\"a\"",
                        "\"b\"",
                        "1",
                        "-0.5e9",
                        "true",
                        "null",
                        " ",
                        "\"\\u00e9\"",
                        "\"\\ud800\"",
                        "\"",
                        "\\")
                .list()
                .ofMaxSize(80)
                .map(parts -> String.join("", parts));
        return Arbitraries.oneOf(
                tokens.map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(12),
                Arbitraries.integers().between(1, 200).map(n -> ("[".repeat(n) + "]".repeat(n)).getBytes()),
                Arbitraries.integers().between(1, 50).map(n -> ("{\"k\":1,".repeat(n) + "\"k\":1" + "}".repeat(n))
                        .getBytes()));
    }

    private static void assertRefused(String body, String detailPart) {
        WebApplicationException refused = assertThrows(
                WebApplicationException.class,
                () -> RequestBodyRules.requireOneJsonValue(body.getBytes(StandardCharsets.UTF_8)),
                body);
        assertEquals(400, refused.getResponse().getStatus());
        assertTrue(detail(refused).contains(detailPart), detail(refused));
    }

    private static String detail(WebApplicationException refused) {
        return ((Problem) refused.getResponse().getEntity()).detail();
    }
}
