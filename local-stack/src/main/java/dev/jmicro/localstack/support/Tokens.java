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
        return sign(privateKey(secrets), ISSUER, email, Instant.now().plusSeconds(600), groups);
    }

    /** A token as the tests of refusals want it: any key, any issuer, any expiry (past ones too). */
    public static String sign(PrivateKey key, String issuer, String email, Instant expires, String... groups) {
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .subject(email)
                        .claim("upn", email)
                        .claim("groups", List.of(groups))
                        .issueTime(Date.from(expires.minusSeconds(600)))
                        .expirationTime(Date.from(expires))
                        .jwtID(UUID.randomUUID().toString())
                        .build());
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token: " + e.getMessage(), e);
        }
        return token.serialize();
    }

    /** The stack's signing key, the one auth issues tokens with. */
    public static PrivateKey privateKey(Secrets secrets) {
        try {
            byte[] der = Base64.getDecoder()
                    .decode(secrets.privateKeyPem()
                            .replaceAll("-----[A-Z ]+-----", "")
                            .replaceAll("\\s", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the stack's key: " + e.getMessage(), e);
        }
    }
}
