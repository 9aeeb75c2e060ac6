package dev.jmicro.localstack.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @TempDir
    Path dir;

    @Test
    void secretsAreGeneratedOnceReadableOnlyByTheOwnerAndUsable() throws Exception {
        Secrets first = Secrets.loadOrCreate(dir);
        Secrets again = Secrets.loadOrCreate(dir);

        assertEquals(first, again, "the same secrets on the next run");
        assertTrue(first.adminPassword().length() >= 20, "long password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.privateKey())));
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        rsa.generatePrivate(new PKCS8EncodedKeySpec(der(first.privateKey())));
        rsa.generatePublic(new X509EncodedKeySpec(der(first.publicKey())));
        assertNotEquals(
                first.adminPassword(),
                Secrets.loadOrCreate(dir.resolve("other")).adminPassword());
    }

    private static byte[] der(Path pem) throws Exception {
        String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
