package dev.jmicro.frontend.console.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;

/** A field that must hold exactly one JSON object, as the broker wants it; says where it is not. */
@FacesValidator("jsonObject")
public class JsonTextValidator implements Validator<String> {

    @Override
    public void validate(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            throw invalid("Enter the JSON to send.");
        }
        JsonValue parsed;
        try (JsonReader reader = Json.createReader(new StringReader(value))) {
            parsed = reader.readValue();
        } catch (JsonParsingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNumber();
            throw invalid("Not valid JSON (line " + line + ", column " + column + "): nothing was sent.");
        } catch (RuntimeException e) {
            throw invalid("Not valid JSON: nothing was sent.");
        }
        if (!(parsed instanceof JsonObject)) {
            throw invalid("Not one JSON object: nothing was sent.");
        }
    }

    private static ValidatorException invalid(String text) {
        return new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
}
