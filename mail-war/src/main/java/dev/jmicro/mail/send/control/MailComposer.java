package dev.jmicro.mail.send.control;

import dev.jmicro.mail.send.entity.MailOrder;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Renders a mail order into its plain-text and HTML bodies from the templates in {@code templates/}: a template named
 * {@code welcome} is the pair {@code welcome.txt.peb} and {@code welcome.html.peb}. The HTML engine escapes every value
 * (the message is text, never markup); the text engine escapes nothing. The HTML's CSS is then inlined.
 */
@ApplicationScoped
public class MailComposer {

    /** The template used when an order names none: the original system's single message. */
    public static final String DEFAULT_TEMPLATE = "default";

    /** The plain-text and HTML bodies of one mail. */
    public record Rendered(String text, String html) {}

    private final PebbleEngine html;
    private final PebbleEngine text;
    private final String fromName;

    @Inject
    public MailComposer(@ConfigProperty(name = "mail.from.name") String fromName) {
        this.fromName = fromName;
        this.html = engine(true);
        this.text = engine(false);
    }

    /** Needed by CDI to proxy the bean; never used directly. */
    protected MailComposer() {
        this.fromName = null;
        this.html = null;
        this.text = null;
    }

    private static PebbleEngine engine(boolean escapeHtml) {
        ClasspathLoader loader = new ClasspathLoader(MailComposer.class.getClassLoader());
        loader.setPrefix("templates");
        loader.setSuffix(".peb");
        return new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(escapeHtml)
                .strictVariables(false)
                // Keep the line break after a tag: in the plain-text part it is the layout.
                .newLineTrimming(false)
                .cacheActive(true)
                .build();
    }

    /** Whether both parts of the named template exist. */
    public boolean knows(String template) {
        ClassLoader classes = MailComposer.class.getClassLoader();
        return classes.getResource("templates/" + template + ".txt.peb") != null
                && classes.getResource("templates/" + template + ".html.peb") != null;
    }

    public Rendered render(MailOrder order) {
        String template = order.template() == null ? DEFAULT_TEMPLATE : order.template();
        Map<String, Object> context = new HashMap<>();
        context.put("subject", order.subject());
        context.put("message", order.message());
        context.put("fields", order.fields() == null ? Map.of() : order.fields());
        context.put("from_name", fromName);
        return new Rendered(
                evaluate(text.getTemplate(template + ".txt"), context),
                CssInliner.inline(evaluate(html.getTemplate(template + ".html"), context)));
    }

    private static String evaluate(PebbleTemplate template, Map<String, Object> context) {
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
