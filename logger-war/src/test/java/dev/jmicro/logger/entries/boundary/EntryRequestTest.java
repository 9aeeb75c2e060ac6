package dev.jmicro.logger.entries.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * A batch stores the entries {@link EntryRequest#plainlyValid} passes without asking Bean Validation, so the two must
 * agree on every entry: generated ones near every limit (blank by {@code trim}'s rule or by Unicode's, lengths in
 * UTF-16 units around each maximum, levels in any case, traceparents almost right) are judged by both here, with the
 * Hibernate Validator that Liberty runs.
 */
class EntryRequestTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Property(tries = 4000)
    void theQuickCheckAgreesWithTheValidator(@ForAll("entries") EntryRequest entry) {
        Set<ConstraintViolation<EntryRequest>> violations = VALIDATOR.validate(entry);
        assertEquals(violations.isEmpty(), entry.plainlyValid(), () -> "violations: " + violations);
    }

    @Example
    void anOrdinaryEntryIsPlainlyValidAndABlankNameIsNot() {
        assertTrue(new EntryRequest("n", "d", "info", "k", TRACEPARENT).plainlyValid());
        assertFalse(new EntryRequest(" ", "d", null, null, null).plainlyValid());
    }

    @Provide
    Arbitrary<EntryRequest> entries() {
        return Combinators.combine(
                        text(EntryRequest.MAX_NAME).injectNull(0.05),
                        text(EntryRequest.MAX_DATA).injectNull(0.05),
                        levels().injectNull(0.3),
                        text(EntryRequest.MAX_KEY).injectNull(0.3),
                        traceparents().injectNull(0.3))
                .as(EntryRequest::new);
    }

    /** Short texts of blanks and letters, and texts of one or two UTF-16 units a character around the limit. */
    private static Arbitrary<String> text(int limit) {
        Arbitrary<String> shortOnes = Arbitraries.strings()
                .withChars(" \t\n\u0001\u001f\u00a0\u2003\u3000aZ\u00e9")
                .ofMaxLength(4);
        Arbitrary<String> nearTheLimit = Arbitraries.integers()
                .between(limit - 2, limit + 2)
                .flatMap(units -> Arbitraries.of("a", " ", "\u2003").map(unit -> unit.repeat(units)));
        Arbitrary<String> pairsNearTheLimit =
                Arbitraries.integers().between(limit / 2 - 1, limit / 2 + 1).map(pairs -> "\uD83D\uDE00".repeat(pairs));
        return Arbitraries.frequencyOf(
                Tuple.of(6, shortOnes),
                Tuple.of(2, nearTheLimit),
                Tuple.of(1, pairsNearTheLimit),
                Tuple.of(1, Arbitraries.just("")));
    }

    private static Arbitrary<String> levels() {
        Arbitrary<String> anyCase = Arbitraries.of("INFO", "WARNING", "ERROR").flatMap(level -> Arbitraries.integers()
                .between(0, (1 << level.length()) - 1)
                .map(mask -> caseByMask(level, mask)));
        Arbitrary<String> near = Arbitraries.of(
                " INFO", "INFO ", "INFO\n", "INF", "INFOS", "DEBUG", "", "\u0130NFO", "\u0131nfo", "INFO|ERROR");
        return Arbitraries.oneOf(anyCase, near);
    }

    private static Arbitrary<String> traceparents() {
        return Arbitraries.of(
                TRACEPARENT,
                TRACEPARENT.toUpperCase(Locale.ROOT),
                TRACEPARENT.substring(1),
                TRACEPARENT + "0",
                TRACEPARENT + "\n",
                TRACEPARENT.replace('-', '_'),
                "",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b716920333g-01");
    }

    private static String caseByMask(String text, int mask) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append((mask >> i & 1) == 1 ? Character.toLowerCase(c) : c);
        }
        return out.toString();
    }
}
