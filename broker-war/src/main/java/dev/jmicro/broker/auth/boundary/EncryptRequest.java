package dev.jmicro.broker.auth.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.spi.JsonProvider;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A text to encrypt, e.g. {@code {"plaintext":"…","key":"default","associated_data":"user:17"}}: auth's limits,
 * checked here before it is asked. {@code key} names one of auth's keys; key material is never sent.
 */
public record EncryptRequest(
        @NotNull @Size(max = 65_536) String plaintext,
        @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,31}", message = "must be a key name: a-z, 0-9, _ and -") String key,
        @JsonbProperty("associated_data") @Size(max = 1_024) String associatedData) {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** The body auth expects. */
    public JsonObject toJson() {
        JsonObjectBuilder body = JSON.createObjectBuilder().add("plaintext", plaintext);
        if (key != null) {
            body.add("key", key);
        }
        if (associatedData != null) {
            body.add("associated_data", associatedData);
        }
        return body.build();
    }
}
