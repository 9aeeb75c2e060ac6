package dev.jmicro.system.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Strings that match a pattern of the kind the services document: a sequence of character classes and literals with
 * {@code {m,n}}, {@code *}, {@code +} or {@code ?} after them ({@code [a-z0-9][a-z0-9_-]{0,31}}), or a choice of
 * words ({@code (?i)INFO|WARNING|ERROR}), anchored as {@code ^(?:…)$}. Anything else (negated classes, groups) is not handled and the caller
 * falls back to filtering generated text by the pattern. Written here because no regex-to-string generator is among
 * this build's dependencies, and these patterns need only this much.
 */
final class SimplePattern {

    /** Upper bound for open or long repetitions, to keep requests small. */
    private static final int MAX_REPEAT = 24;

    private SimplePattern() {}

    static Optional<Arbitrary<String>> strings(String anchored) {
        if (!anchored.startsWith("^(?:") || !anchored.endsWith(")$")) {
            return Optional.empty(); // found anywhere: generated text, filtered, does better
        }
        String pattern = anchored.substring(4, anchored.length() - 2);
        String words = pattern.startsWith("(?i)") ? pattern.substring(4) : pattern;
        if (words.matches("[A-Za-z]+(\\|[A-Za-z]+)+")) {
            List<String> choices = new ArrayList<>(List.of(words.split("\\|")));
            if (pattern.startsWith("(?i)")) {
                choices.addAll(choices.stream().map(String::toLowerCase).toList());
            }
            return Optional.of(Arbitraries.of(choices));
        }
        List<Arbitrary<String>> parts = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            String chars;
            char c = pattern.charAt(i);
            if (c == '[') {
                int end = pattern.indexOf(']', i + 2);
                if (end < 0 || pattern.charAt(i + 1) == '^') {
                    return Optional.empty();
                }
                chars = expand(pattern.substring(i + 1, end));
                i = end + 1;
            } else if (c == '\\' && i + 1 < pattern.length() && !Character.isLetterOrDigit(pattern.charAt(i + 1))) {
                chars = String.valueOf(pattern.charAt(i + 1));
                i += 2;
            } else if ("()|.\\^$*+?{".indexOf(c) >= 0) {
                return Optional.empty();
            } else {
                chars = String.valueOf(c);
                i++;
            }
            int min = 1;
            int max = 1;
            if (i < pattern.length()) {
                char q = pattern.charAt(i);
                if (q == '{') {
                    int end = pattern.indexOf('}', i);
                    String[] bounds = pattern.substring(i + 1, end).split(",", -1);
                    min = Integer.parseInt(bounds[0]);
                    max = bounds.length == 1 ? min : bounds[1].isEmpty() ? MAX_REPEAT : Integer.parseInt(bounds[1]);
                    i = end + 1;
                } else if (q == '*' || q == '+' || q == '?') {
                    min = q == '+' ? 1 : 0;
                    max = q == '?' ? 1 : MAX_REPEAT;
                    i++;
                }
            }
            parts.add(Arbitraries.strings()
                    .withChars(chars.toCharArray())
                    .ofMinLength(min)
                    .ofMaxLength(Math.max(min, Math.min(max, MAX_REPEAT))));
        }
        return Optional.of(Combinators.combine(parts).as(pieces -> String.join("", pieces)));
    }

    /** The characters of a class's body: ranges ({@code a-z}), escapes and single characters. */
    private static String expand(String body) {
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                chars.append(body.charAt(++i));
            } else if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                for (char r = c; r <= body.charAt(i + 2); r++) {
                    chars.append(r);
                }
                i += 2;
            } else {
                chars.append(c);
            }
        }
        return chars.toString();
    }
}
