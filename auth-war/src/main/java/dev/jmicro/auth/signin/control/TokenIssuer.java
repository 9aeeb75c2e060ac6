package dev.jmicro.auth.signin.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.jmicro.auth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues RS256 JSON Web Tokens with the MicroProfile JWT claims the other services verify: {@code iss}, {@code sub}
 * (the user id), {@code upn} (the e-mail address), {@code groups} ({@code user}, and {@code admin} for
 * administrators), {@code iat}, {@code exp} and a unique {@code jti}.
 */
@ApplicationScoped
public class TokenIssuer {

    /** A signed token and how long it is valid. */
    public record Token(String value, long expiresInSeconds) {}

    @Inject
    SigningKey signingKey;

    @Inject
    @ConfigProperty(name = "jwt.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "jwt.lifetime-seconds", defaultValue = "3600")
    long lifetimeSeconds;

    public Token issue(User user) {
        RSAKey key = signingKey.key().orElseThrow(NoSigningKey::new);
        Instant now = Instant.now();
        List<String> groups = new ArrayList<>(List.of("user"));
        if (user.admin()) {
            groups.add("admin");
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(Long.toString(user.id()))
                .claim("upn", user.email())
                .claim("groups", groups)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofSeconds(lifetimeSeconds))))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return new Token(token.serialize(), lifetimeSeconds);
    }
}
