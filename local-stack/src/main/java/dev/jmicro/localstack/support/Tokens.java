package dev.jmicro.localstack.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Tokens like the ones auth issues, signed with the stack's generated key: tests of a service that only verifies
 * tokens need no running auth service.
 */
public final class Tokens {

    /** The issuer every service of a local stack trusts. */
    public static final String ISSUER = "https://jmicro.local/auth";

    private Tokens() {}

    /** A token for the given groups (e.g. {@code user}, {@code admin}), valid for ten minutes. */
    public static String signed(Secrets secrets, String email, String... groups) {
        try {
            byte[] der = Base64.getDecoder()
                    .decode(secrets.privateKeyPem()
                            .replaceAll("-----[A-Z ]+-----", "")
                            .replaceAll("\\s", ""));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            Instant now = Instant.now();
            SignedJWT token = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .type(JOSEObjectType.JWT)
                            .build(),
                    new JWTClaimsSet.Builder()
                            .issuer(ISSUER)
                            .subject(email)
                            .claim("upn", email)
                            .claim("groups", List.of(groups))
                            .issueTime(Date.from(now))
                            .expirationTime(Date.from(now.plusSeconds(600)))
                            .jwtID(UUID.randomUUID().toString())
                            .build());
            token.sign(new RSASSASigner(key));
            return token.serialize();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("cannot sign a test token: " + e.getMessage(), e);
        }
    }
}
