package dev.jmicro.broker.original.boundary;

import dev.jmicro.broker.auth.boundary.Credentials;
import dev.jmicro.broker.auth.boundary.DecryptRequest;
import dev.jmicro.broker.auth.boundary.EncryptRequest;
import dev.jmicro.broker.logger.boundary.LogRequest;
import dev.jmicro.broker.mail.boundary.MailRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The original {@code /handle} body: an action and the payload it needs, e.g.
 * {@code {"action":"auth","auth":{"email":"…","password":"…"}}}. Only the payload of the action is read and checked.
 */
public record HandleRequest(
        @Schema(
                        enumeration = {"auth", "log", "mail", "encrypt", "decrypt"},
                        description = "which payload to act on; any other value is a 400")
                String action,
        Credentials auth,
        LogRequest log,
        MailRequest mail,
        EncryptRequest encrypt,
        DecryptRequest decrypt) {}
