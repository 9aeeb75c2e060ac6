package dev.jmicro.frontend.broker.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class QueryTest {

    @Test
    void onlyParametersWithAValueAreAdded() {
        assertEquals("", new Query().add("q", null).add("name", " ").toString(), "nothing: no question mark");
        assertEquals(
                "?name=backup&page=2",
                new Query().add("q", "").add("name", "backup").add("page", 2).toString());
    }

    @Test
    void valuesAndSegmentsAreEncoded() {
        assertEquals("?q=a+b%26c%3Dd", new Query().add("q", "a b&c=d").toString());
        assertEquals("entry%201%2F2", Query.segment("entry 1/2"), "a space as %20 in a path, a slash escaped");
    }

    @Property
    void anyValueComesBackAsItWent(@ForAll String value) {
        Assume.that(value.chars().noneMatch(c -> Character.isSurrogate((char) c))); // form fields hold Unicode text
        String query = new Query().add("q", value).toString();
        String decoded = query.isEmpty() ? "" : URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8);

        assertEquals(value.isBlank() ? "" : value, decoded);
    }
}
