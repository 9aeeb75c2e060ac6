package dev.jmicro.broker.downstream.control;

/** A service the broker needs did not answer usefully: down, slow, failing, or its circuit open. */
public class DependencyUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String dependency;

    public DependencyUnavailable(String dependency, String reason, Throwable cause) {
        super(dependency + " is unavailable: " + reason, cause);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }
}
