package dev.jmicro.frontend.web.boundary;

import dev.jmicro.frontend.broker.entity.Exchange;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;

/** Messages for the page being answered: for the page as a whole, or for one field, shown beside it. */
public final class Messages {

    private Messages() {}

    public static void info(String text) {
        add(null, FacesMessage.SEVERITY_INFO, text);
    }

    public static void warn(String text) {
        add(null, FacesMessage.SEVERITY_WARN, text);
    }

    public static void error(String text) {
        add(null, FacesMessage.SEVERITY_ERROR, text);
    }

    /** An error beside one field ({@code form:field}); the page then counts as not valid. */
    public static void errorAt(String clientId, String text) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text);
        FacesContext.getCurrentInstance().validationFailed();
    }

    /**
     * Shows each field the answer's problem names beside its input: {@code inputs} maps the API's field names to the
     * form's ids ({@code form:id}). True when at least one was placed; the rest of the answer is then not repeated.
     */
    public static boolean atFields(Exchange answer, Map<String, String> inputs) {
        boolean placed = false;
        for (Map.Entry<String, String> error : answer.fieldErrors().entrySet()) {
            String input = inputs.get(error.getKey());
            if (input != null) {
                errorAt(input, capitalized(error.getValue()));
                placed = true;
            }
        }
        return placed;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
