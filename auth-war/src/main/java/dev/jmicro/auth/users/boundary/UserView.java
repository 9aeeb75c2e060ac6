package dev.jmicro.auth.users.boundary;

import dev.jmicro.auth.users.entity.User;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;

/** The original system's user object; never a password or hash. */
public record UserView(
        long id,
        String email,
        @JsonbProperty("first_name") String firstName,
        @JsonbProperty("last_name") String lastName,
        boolean active,
        @JsonbProperty("created_at") OffsetDateTime createdAt,
        @JsonbProperty("updated_at") OffsetDateTime updatedAt) {

    public static UserView of(User user) {
        return new UserView(
                user.id(),
                user.email(),
                user.firstName(),
                user.lastName(),
                user.active(),
                user.createdAt(),
                user.updatedAt());
    }
}
