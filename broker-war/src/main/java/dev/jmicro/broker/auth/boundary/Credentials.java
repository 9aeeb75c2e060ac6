package dev.jmicro.broker.auth.boundary;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An e-mail address and password, with the auth service's limits, checked before auth is asked. */
public record Credentials(
        @NotBlank @Size(max = 254) @Email String email, @NotNull @Size(min = 1, max = 200) String password) {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** The body auth expects. */
    public JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add("email", email)
                .add("password", password)
                .build();
    }
}
