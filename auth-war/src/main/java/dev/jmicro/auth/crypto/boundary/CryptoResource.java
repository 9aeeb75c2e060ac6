package dev.jmicro.auth.crypto.boundary;

import dev.jmicro.auth.crypto.control.Encryption;
import dev.jmicro.auth.crypto.control.KeyRing;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /crypto}: authenticated encryption with keys the service holds, for any signed-in caller. A caller may name
 * a key, never supply one. Limits: a text of up to 65 536 characters, associated data of up to 1 024.
 */
@ApplicationScoped
@Path("crypto")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "crypto", description = "Encrypt and decrypt with the service's named, versioned keys")
@SecurityRequirement(name = "bearer")
public class CryptoResource {

    static final int MAX_TEXT = 65_536;
    static final int MAX_ASSOCIATED_DATA = 1_024;
    /** The longest ciphertext of a {@link #MAX_TEXT} text: 3 UTF-8 bytes a character, base64url, a header. */
    static final int MAX_CIPHERTEXT = 262_300;

    /** A text to encrypt; {@code key} names a key of {@code GET /crypto/keys} (default: {@code crypto.default-key}). */
    public record EncryptRequest(
            @NotNull @Size(max = MAX_TEXT) String plaintext,
            @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,31}", message = "must be a key name: a-z, 0-9, _ and -") String key,
            @JsonbProperty("associated_data") @Size(max = MAX_ASSOCIATED_DATA) String associatedData) {}

    /** A ciphertext to decrypt, with the associated data it was encrypted with, if any. */
    public record DecryptRequest(
            @NotNull @Size(max = MAX_CIPHERTEXT) String ciphertext,
            @JsonbProperty("associated_data") @Size(max = MAX_ASSOCIATED_DATA) String associatedData) {}

    @Inject
    Encryption encryption;

    @Inject
    KeyRing ring;

    @POST
    @Path("encrypt")
    @Operation(summary = "Encrypt a text with the newest version of a key (AES-256-GCM)")
    @APIResponse(responseCode = "200", description = "The ciphertext, which names the key and version")
    @APIResponse(responseCode = "400", description = "Missing or over-long text, an unknown key, not Unicode")
    @APIResponse(responseCode = "401", description = "No valid token")
    public Encryption.Sealed encrypt(@Valid @NotNull EncryptRequest request) {
        return encryption.encrypt(request.plaintext(), request.key(), request.associatedData());
    }

    @POST
    @Path("decrypt")
    @Operation(summary = "Decrypt a ciphertext of this service")
    @APIResponse(responseCode = "200", description = "The text, and the key version that had encrypted it")
    @APIResponse(
            responseCode = "400",
            description = "Tampered, truncated or foreign ciphertext, other associated data, a retired key version:"
                    + " one answer for all")
    @APIResponse(responseCode = "401", description = "No valid token")
    public Encryption.Opened decrypt(@Valid @NotNull DecryptRequest request) {
        return encryption.decrypt(request.ciphertext(), request.associatedData());
    }

    @GET
    @Path("keys")
    @Operation(summary = "The key names and their versions (never key material)")
    public Map<String, List<Integer>> keys() {
        return ring.versions();
    }
}
