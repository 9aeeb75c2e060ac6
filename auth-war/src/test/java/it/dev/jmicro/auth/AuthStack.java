package it.dev.jmicro.auth;

import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.testing.TestStack;
import java.util.Set;

/**
 * The stack {@link AuthIT} and {@link UserAdminIT} share, started once for both: auth on its real Liberty server with
 * a real PostgreSQL. ({@code CryptoIT} runs on jqwik's engine, outside JUnit's extensions, so it starts its own.)
 */
final class AuthStack {

    static final TestStack STACK = TestStack.shared(StackOptions.forTests("auth-war/target/it-stack")
            .services(Set.of(Service.AUTH))
            .zipkin(false));

    private AuthStack() {}
}
