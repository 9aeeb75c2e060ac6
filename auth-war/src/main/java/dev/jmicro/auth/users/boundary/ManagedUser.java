package dev.jmicro.auth.users.boundary;

import dev.jmicro.auth.users.entity.User;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;

/**
 * A user as the administration sees them: the original system's user object ({@link UserView}) and whether the user
 * is an administrator; never a password or hash.
 */
public record ManagedUser(
        long id,
        String email,
        @JsonbProperty("first_name") String firstName,
        @JsonbProperty("last_name") String lastName,
        boolean active,
        boolean admin,
        @JsonbProperty("created_at") OffsetDateTime createdAt,
        @JsonbProperty("updated_at") OffsetDateTime updatedAt) {

    public static ManagedUser of(User user) {
        return new ManagedUser(
                user.id(),
                user.email(),
                user.firstName(),
                user.lastName(),
                user.active(),
                user.admin(),
                user.createdAt(),
                user.updatedAt());
    }
}
