package dev.jmicro.auth.signin.control;

/** Tokens cannot be issued now: the signing key is not (yet) loaded. */
public class NoSigningKey extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NoSigningKey() {
        super("no signing key: tokens cannot be issued now", null, false, false);
    }
}
