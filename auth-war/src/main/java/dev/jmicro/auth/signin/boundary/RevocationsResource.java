package dev.jmicro.auth.signin.boundary;

import dev.jmicro.auth.users.control.UserDirectory;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /tokens/revocations}: the users whose tokens issued up to a moment must no longer be taken (deactivated,
 * demoted, deleted, or given a new password by an administrator), for as long as such a token could still be valid:
 * one token lifetime plus five minutes (more than any clock skew the services allow). The broker reads it every few seconds. Like the public key, it is for the
 * services inside the system: user ids and times, nothing else.
 */
@ApplicationScoped
@Path("tokens/revocations")
@PermitAll
@Tag(name = "sign-in", description = "Checking passwords and issuing signed tokens")
public class RevocationsResource {

    /** Tokens of user {@code sub} issued at or before {@code issuedUntil} (seconds since the epoch) are revoked. */
    public record Revoked(String sub, @JsonbProperty("issued_until") long issuedUntil) {}

    public record Revocations(List<Revoked> revoked) {}

    @Inject
    UserDirectory directory;

    @Inject
    @ConfigProperty(name = "jwt.lifetime-seconds", defaultValue = "3600")
    long lifetimeSeconds;

    /** Beyond any clock skew the services allow (Liberty's default, five minutes, is the most). */
    private static final long MARGIN_SECONDS = 300;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Users whose tokens issued until a moment are revoked")
    public Revocations revocations() {
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(lifetimeSeconds + MARGIN_SECONDS);
        return new Revocations(directory.revocationsSince(since).stream()
                .map(r -> new Revoked(Long.toString(r.userId()), r.revokedAt().toEpochSecond()))
                .toList());
    }
}
