package dev.jmicro.mail.send.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SMTP connection settings. No credential has a default: {@code smtp.user} and {@code smtp.password} come from
 * the environment or a mounted secret ({@code SMTP_USER}, {@code SMTP_PASSWORD}); without a user, no login is tried.
 */
@Dependent
public class SmtpSettings {

    private final String host;
    private final int port;
    private final String encryption;
    private final Optional<String> user;
    private final Optional<String> password;
    private final Optional<String> sslTrust;
    private final int connectTimeoutMs;
    private final int timeoutMs;

    @Inject
    public SmtpSettings(
            @ConfigProperty(name = "smtp.host") String host,
            @ConfigProperty(name = "smtp.port") int port,
            @ConfigProperty(name = "smtp.encryption") String encryption,
            @ConfigProperty(name = "smtp.user") Optional<String> user,
            @ConfigProperty(name = "smtp.password") Optional<String> password,
            @ConfigProperty(name = "smtp.ssl.trust") Optional<String> sslTrust,
            @ConfigProperty(name = "smtp.connect-timeout-ms") int connectTimeoutMs,
            @ConfigProperty(name = "smtp.timeout-ms") int timeoutMs) {
        this.host = host;
        this.port = port;
        this.encryption = encryption.trim().toLowerCase(java.util.Locale.ROOT);
        this.user = user;
        this.password = password;
        this.sslTrust = sslTrust;
        this.connectTimeoutMs = connectTimeoutMs;
        this.timeoutMs = timeoutMs;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String encryption() {
        return encryption;
    }

    public Optional<String> user() {
        return user;
    }

    public Optional<String> password() {
        return password;
    }

    /** Hosts whose certificate is trusted without validation (a test server's self-signed one); none by default. */
    public Optional<String> sslTrust() {
        return sslTrust;
    }

    public int connectTimeoutMs() {
        return connectTimeoutMs;
    }

    public int timeoutMs() {
        return timeoutMs;
    }
}
