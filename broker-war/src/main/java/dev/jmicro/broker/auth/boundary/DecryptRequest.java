package dev.jmicro.broker.auth.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.spi.JsonProvider;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A ciphertext of auth's to decrypt, with the associated data it was encrypted with, if any. */
public record DecryptRequest(
        @NotNull @Size(max = 262_300) String ciphertext,
        @JsonbProperty("associated_data") @Size(max = 1_024) String associatedData) {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** The body auth expects. */
    public JsonObject toJson() {
        JsonObjectBuilder body = JSON.createObjectBuilder().add("ciphertext", ciphertext);
        if (associatedData != null) {
            body.add("associated_data", associatedData);
        }
        return body.build();
    }
}
