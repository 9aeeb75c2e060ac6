package dev.jmicro.mail.send.control;

import cz.vutbr.web.css.CSSException;
import cz.vutbr.web.css.CSSFactory;
import cz.vutbr.web.css.CombinedSelector;
import cz.vutbr.web.css.Declaration;
import cz.vutbr.web.css.RuleBlock;
import cz.vutbr.web.css.RuleSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;

/**
 * Moves the rules of an HTML document's {@code <style>} elements into {@code style} attributes, because many mail
 * clients ignore style sheets. jstyleparser parses the CSS and jsoup matches the selectors; rules apply in order of
 * specificity, then of appearance, and a style already written on an element wins. Rules a mail client cannot use
 * inline (pseudo-classes, media queries) are dropped. Written here because no maintained CSS inliner is on Maven
 * Central; these two libraries do the hard parts.
 */
public final class CssInliner {

    private CssInliner() {}

    private record Rule(String selector, CombinedSelector.Specificity specificity, int order, String declarations) {}

    public static String inline(String html) {
        Document document = Jsoup.parse(html);
        List<Rule> rules = new ArrayList<>();
        for (Element style : document.select("style")) {
            rules.addAll(parse(style.data(), rules.size()));
            style.remove();
        }
        rules.sort(Comparator.comparing(Rule::specificity).thenComparingInt(Rule::order));
        // jsoup elements are equal only to themselves, so this map keeps one entry per element, in document order.
        Map<Element, StringBuilder> styles = new LinkedHashMap<>();
        for (Rule rule : rules) {
            List<Element> matches;
            try {
                matches = document.select(rule.selector());
            } catch (Selector.SelectorParseException unsupported) {
                continue;
            }
            matches.forEach(element ->
                    styles.computeIfAbsent(element, e -> new StringBuilder()).append(rule.declarations()));
        }
        styles.forEach((element, inlined) -> element.attr("style", (inlined + element.attr("style")).trim()));
        document.outputSettings().prettyPrint(false);
        return document.outerHtml();
    }

    private static List<Rule> parse(String css, int firstOrder) {
        List<Rule> rules = new ArrayList<>();
        try {
            for (RuleBlock<?> block : CSSFactory.parseString(css, null)) {
                if (!(block instanceof RuleSet ruleSet)) {
                    continue;
                }
                StringBuilder declarations = new StringBuilder();
                for (Declaration declaration : ruleSet) {
                    declarations.append(declaration.toString().trim()).append(' ');
                }
                for (CombinedSelector selector : ruleSet.getSelectors()) {
                    String text = selector.toString();
                    if (!text.contains(":")) {
                        rules.add(new Rule(
                                text,
                                selector.computeSpecificity(),
                                firstOrder + rules.size(),
                                declarations.toString()));
                    }
                }
            }
        } catch (IOException | CSSException e) {
            throw new IllegalStateException("the mail template's style sheet does not parse: " + e.getMessage(), e);
        }
        return rules;
    }
}
