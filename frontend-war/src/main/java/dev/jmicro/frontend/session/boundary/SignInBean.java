package dev.jmicro.frontend.session.boundary;

import dev.jmicro.frontend.broker.control.BrokerCalls;
import dev.jmicro.frontend.broker.entity.Exchange;
import dev.jmicro.frontend.session.control.CurrentCaller;
import dev.jmicro.frontend.session.control.UserSession;
import dev.jmicro.frontend.web.boundary.Messages;
import dev.jmicro.frontend.web.boundary.Redirects;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs in against the broker ({@code POST /api/auth/token}) and keeps the token in the session; signs out. A new
 * session id after sign-in, so a session id planted before it is worth nothing.
 */
@Named
@RequestScoped
public class SignInBean {

    @Inject
    BrokerCalls broker;

    @Inject
    CurrentCaller caller;

    @Inject
    UserSession session;

    @NotBlank(message = "Enter your email address")
    @Size(max = 255, message = "At most 255 characters")
    private String email;

    @NotBlank(message = "Enter your password")
    @Size(max = 72, message = "At most 72 characters")
    private String password;

    /** Why the sign-in page is shown: {@code expired} or {@code signed-out}; from the query string. */
    private String reason;

    /** The page asked for before sign-in, to return to; from the query string, kept through the form's post. */
    private String next;

    /**
     * A path of this application and its query, nothing else: no scheme, no host, no {@code //} or backslash that a
     * browser would read as another site (an open redirect otherwise).
     */
    private static final Pattern LOCAL_PAGE = Pattern.compile("/(?![/\\\\])[A-Za-z0-9._~!$&'()*+,;=:@%/?-]{0,2000}");

    public String signIn() {
        String body = Json.createObjectBuilder()
                .add("email", email.strip())
                .add("password", password)
                .build()
                .toString();
        Exchange answer = broker.post(caller.get(), "sign in", "/api/auth/token", body);
        if (!answer.ok()) {
            String message = answer.status() == 401 ? "Wrong email address or password." : answer.failure();
            Messages.error(message);
            return null;
        }
        String token = answer.json().orElseThrow().getString("access_token");
        FacesContext faces = FacesContext.getCurrentInstance();
        ((HttpServletRequest) faces.getExternalContext().getRequest()).changeSessionId();
        JsonObject claims = Tokens.claims(token);
        Set<String> groups = claims.containsKey("groups")
                ? claims.getJsonArray("groups").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .collect(Collectors.toSet())
                : Set.of();
        session.signedIn(
                token,
                claims.getString("upn", email.strip()),
                groups,
                Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue()));
        if (next != null && LOCAL_PAGE.matcher(next).matches()) {
            Redirects.to(next.substring(1));
            return null;
        }
        return "/index?faces-redirect=true";
    }

    public void signOut() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/signin.xhtml?reason=signed-out");
    }

    public String getNotice() {
        if ("expired".equals(reason)) {
            return "Your session has expired. Please sign in again.";
        }
        if ("signed-out".equals(reason)) {
            return "You are signed out.";
        }
        return null;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
