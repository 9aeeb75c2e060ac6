package dev.jmicro.broker.original.boundary;

import dev.jmicro.broker.auth.boundary.Credentials;
import dev.jmicro.broker.auth.boundary.DecryptRequest;
import dev.jmicro.broker.auth.boundary.EncryptRequest;
import dev.jmicro.broker.auth.control.Encryption;
import dev.jmicro.broker.auth.control.InvalidCredentials;
import dev.jmicro.broker.auth.control.SignIns;
import dev.jmicro.broker.edge.boundary.RequestIds;
import dev.jmicro.broker.logger.boundary.LogRequest;
import dev.jmicro.broker.logger.control.LogWriter;
import dev.jmicro.broker.mail.boundary.MailRequest;
import dev.jmicro.broker.mail.control.MailSender;
import dev.jmicro.support.problem.entity.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The original broker's endpoints, kept for existing clients: {@code POST /}, {@code POST /handle} with the actions
 * {@code auth}, {@code log} and {@code mail}, and {@code POST /log-grpc}. {@code broker.handle.policy} is {@code open}
 * (as the original) or {@code token} (a bearer token from auth is required for {@code /handle} and
 * {@code /log-grpc}). The actions {@code encrypt} and {@code decrypt}, in the same style, always need a token: open,
 * they would let anyone decrypt what the system's users had encrypted.
 */
@ApplicationScoped
@Path("")
@OriginalContract
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "original", description = "The original system's contract: /handle and its envelope")
public class OriginalResource {

    /** The answer to every log write, {@code Envelope.ok("logged")}, written out once rather than per request. */
    private static final String LOGGED = "{\"error\":false,\"message\":\"logged\"}";

    @Inject
    SignIns signIns;

    @Inject
    LogWriter logs;

    @Inject
    MailSender mail;

    @Inject
    Encryption crypto;

    @Inject
    Validator validator;

    @Inject
    @ConfigProperty(name = "broker.handle.policy", defaultValue = "open")
    String policy;

    // Fields, not parameters: on this one instance they are proxies to the current request's, made once; a
    // parameter gets a new proxy on every call.
    @Context
    HttpServletRequest http;

    @Context
    SecurityContext security;

    @POST
    @Operation(summary = "Original: is the broker there?")
    @APIResponse(responseCode = "200", description = "{\"error\":false,\"message\":\"Hit the broker\"}")
    public Envelope hit() {
        return Envelope.ok("Hit the broker");
    }

    @POST
    @Path("handle")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Original: one action (auth, log, mail; encrypt, decrypt with a token) with its payload")
    @APIResponse(responseCode = "202", description = "Done: the original envelope")
    @APIResponse(responseCode = "400", description = "Unknown action, missing or invalid payload")
    @APIResponse(
            responseCode = "401",
            description = "invalid credentials, or no token under the token policy or for encrypt and decrypt")
    @APIResponse(responseCode = "503", description = "The dependency the action needs is unavailable")
    @APIResponse(
            responseCode = "429",
            description = "auth: too many sign-ins from this client, or failed ones for this account")
    public Response handle(HandleRequest request, @HeaderParam(RequestIds.HEADER) String requestId) {
        requireTokenIfConfigured();
        requireBody(request);
        String action = request.action() == null ? "" : request.action();
        return switch (action) {
            case "auth" -> authenticate(checked("auth", request.auth()));
            case "log" -> log(logs.configured(), checked("log", request.log()), requestId);
            case "mail" -> sendMail(checked("mail", request.mail()));
            case "encrypt" -> encrypt(checked("encrypt", signedIn(request.encrypt())));
            case "decrypt" -> decrypt(checked("decrypt", signedIn(request.decrypt())));
            default -> problem(Response.Status.BAD_REQUEST, "unknown action");
        };
    }

    @POST
    @Path("log-grpc")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Original: write the log payload to the logger over gRPC")
    @APIResponse(responseCode = "202", description = "{\"error\":false,\"message\":\"logged\"}")
    public Response logOverGrpc(HandleRequest request, @HeaderParam(RequestIds.HEADER) String requestId) {
        requireTokenIfConfigured();
        requireBody(request);
        return log(LogWriter.Transport.GRPC, checked("log", request.log()), requestId);
    }

    private Response authenticate(Credentials credentials) {
        try {
            // The client's address: Liberty's <remoteIp> has taken it from a trusted proxy's X-Forwarded-For.
            JsonObject user = signIns.authenticate(credentials.toJson(), http.getRemoteAddr());
            return Response.accepted(Envelope.ok("Authenticated!", user)).build();
        } catch (InvalidCredentials refused) {
            // The original answered 400 here by mistake; 401 is what it meant.
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Envelope.failed("invalid credentials"))
                    .build();
        }
    }

    /** @param over the configured transport (the {@code log} action) or gRPC ({@code /log-grpc}) */
    private Response log(LogWriter.Transport over, LogRequest entry, String requestId) {
        logs.write(
                over,
                entry.name(),
                entry.data(),
                entry.level(),
                UUID.randomUUID().toString(),
                requestId);
        return Response.accepted(LOGGED).build(); // a String: written as it is, as application/json
    }

    private Response sendMail(MailRequest message) {
        mail.send(message.toJson(), UUID.randomUUID().toString());
        return Response.accepted(Envelope.ok("Message sent to " + message.to())).build();
    }

    /** Auth's answer in the original envelope, {@code 202 {"error":false,"message":"encrypted","data":<answer>}}. */
    private Response encrypt(EncryptRequest request) {
        return Response.accepted(Envelope.ok("encrypted", crypto.encrypt(request.toJson())))
                .build();
    }

    private Response decrypt(DecryptRequest request) {
        return Response.accepted(Envelope.ok("decrypted", crypto.decrypt(request.toJson())))
                .build();
    }

    /**
     * A body is required. Checked here rather than with {@code @NotNull} on the parameter: a constraint on a resource
     * method puts Bean Validation's method interceptor around every call of the class, a visible part of a log write's
     * cost, while the payloads are validated one by one in {@link #checked} anyway.
     */
    private static void requireBody(HandleRequest request) {
        if (request == null) {
            throw new jakarta.ws.rs.WebApplicationException(
                    problem(Response.Status.BAD_REQUEST, "a JSON body with an \"action\" is required"));
        }
    }

    /** The action's payload, present and valid, else a 400 problem naming what is wrong. */
    private <T> T checked(String name, T payload) {
        if (payload == null) {
            throw new jakarta.ws.rs.WebApplicationException(
                    problem(Response.Status.BAD_REQUEST, "the action " + name + " needs a \"" + name + "\" object"));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return payload;
    }

    private void requireTokenIfConfigured() {
        if ("token".equalsIgnoreCase(policy.trim())) {
            requireToken();
        }
    }

    /** The payload, once the caller is known to be signed in. */
    private <T> T signedIn(T payload) {
        requireToken();
        return payload;
    }

    private void requireToken() {
        if (!security.isUserInRole("user") && !security.isUserInRole("admin")) {
            throw new jakarta.ws.rs.WebApplicationException(
                    Response.fromResponse(problem(Response.Status.UNAUTHORIZED, "a bearer token from auth is required"))
                            .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                            .build());
        }
    }

    private static Response problem(Response.Status status, String detail) {
        return Problem.of(status, detail).toResponse();
    }
}
