package dev.jmicro.auth.signin.boundary;

import com.nimbusds.jose.jwk.JWKSet;
import dev.jmicro.auth.signin.control.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /.well-known/jwks.json}: the public key tokens are verified with, for MicroProfile JWT's
 * {@code mp.jwt.verify.publickey.location} in the other services. Only the public half is ever shown.
 */
@ApplicationScoped
@Path(".well-known/jwks.json")
@Tag(name = "sign-in", description = "Checking passwords and issuing signed tokens")
public class KeysResource {

    @Inject
    SigningKey signingKey;

    @GET
    @Produces("application/jwk-set+json")
    @Operation(summary = "The public signing key as a JSON Web Key Set")
    public String keys() {
        return signingKey
                .key()
                .map(key -> new JWKSet(key.toPublicJWK()).toString())
                .orElseThrow(() -> new ServiceUnavailableException("no signing key loaded"));
    }
}
