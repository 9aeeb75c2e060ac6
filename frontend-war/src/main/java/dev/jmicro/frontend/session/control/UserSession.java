package dev.jmicro.frontend.session.control;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Who is signed in, held on the server only: the broker's token never reaches the page (no script, no readable
 * cookie; the session cookie is HttpOnly). Also the trace id of the user's last request, for the status page's link.
 */
@Named
@SessionScoped
public class UserSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private String token;
    private String email;
    private Set<String> groups = Set.of();
    private Instant expiresAt;
    private String lastTraceId;

    public void signedIn(String token, String email, Set<String> groups, Instant expiresAt) {
        this.token = token;
        this.email = email;
        this.groups = Set.copyOf(groups);
        this.expiresAt = expiresAt;
    }

    /** Signed in with a token that has not expired yet. */
    public boolean isSignedIn() {
        return token != null && Instant.now().isBefore(expiresAt);
    }

    /** Had a token, and it has run out. */
    public boolean isExpired() {
        return token != null && !Instant.now().isBefore(expiresAt);
    }

    public Optional<String> token() {
        return isSignedIn() ? Optional.of(token) : Optional.empty();
    }

    public String getEmail() {
        return email;
    }

    public boolean isAdmin() {
        return groups.contains("admin");
    }

    public void tracedRequest(String traceId) {
        this.lastTraceId = traceId;
    }

    public String getLastTraceId() {
        return lastTraceId;
    }
}
