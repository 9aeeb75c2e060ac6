package dev.jmicro.broker.auth.boundary;

import dev.jmicro.broker.auth.control.Encryption;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/crypto}: auth's authenticated encryption (AES-256-GCM with named, versioned keys held by auth) for
 * signed-in users. Auth's refusals are relayed.
 */
@ApplicationScoped
@Path("api/crypto")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "crypto", description = "Encrypt and decrypt with auth's keys")
@SecurityRequirement(name = "bearer")
public class CryptoResource {

    @Inject
    Encryption crypto;

    @POST
    @Path("encrypt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Encrypt a text with the newest version of a key")
    @APIResponse(responseCode = "200", description = "{ciphertext, key, version}")
    @APIResponse(responseCode = "400", description = "Missing or over-long text, an unknown key, not Unicode")
    @APIResponse(responseCode = "503", description = "auth is unavailable")
    public JsonObject encrypt(@Valid @NotNull EncryptRequest request) {
        return crypto.encrypt(request.toJson());
    }

    @POST
    @Path("decrypt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decrypt a ciphertext of auth's")
    @APIResponse(responseCode = "200", description = "{plaintext, key, version, newest}")
    @APIResponse(responseCode = "400", description = "The ciphertext cannot be decrypted (one answer for every cause)")
    @APIResponse(responseCode = "503", description = "auth is unavailable")
    public JsonObject decrypt(@Valid @NotNull DecryptRequest request) {
        return crypto.decrypt(request.toJson());
    }

    @GET
    @Path("keys")
    @Operation(summary = "Auth's key names and their versions (never key material)")
    public JsonObject keys() {
        return crypto.keys();
    }
}
