package it.dev.jmicro.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.Tokens;
import dev.jmicro.localstack.testing.TestStack;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The broker with {@code broker.handle.policy=token}: the original {@code /handle} and {@code /log-grpc} then want a
 * bearer token from auth, while {@code POST /} stays open. Only the broker and its AMQP broker run: a refused request
 * goes nowhere, and an accepted log write is published.
 */
class HandlePolicyIT {

    private static final String LOG = "{\"action\":\"log\",\"log\":{\"name\":\"policy\",\"data\":\"x\"}}";

    @RegisterExtension
    static final TestStack STACK = TestStack.of(StackOptions.forTests("broker-war/target/it-stack-policy")
            .services(Set.of(Service.BROKER))
            .zipkin(false)
            .setting(Service.BROKER, "BROKER_HANDLE_POLICY", "token"));

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = STACK.stack();
    }

    private static URI broker(String path) {
        return stack.server(Service.BROKER).url().resolve(path);
    }

    @Test
    void withoutATokenTheOriginalEndpointsAre401() {
        for (String path : new String[] {"handle", "log-grpc"}) {
            HttpResponse<String> answer = Http.postJson(broker(path), LOG);

            assertEquals(401, answer.statusCode(), path + ": " + answer.body());
            assertEquals("application/problem+json", Http.contentType(answer));
            JsonObject problem = Http.object(answer);
            assertTrue(problem.getBoolean("error"), "the original envelope's member too");
            assertEquals(
                    "Bearer", answer.headers().firstValue("WWW-Authenticate").orElse(null));
        }
    }

    @Test
    void withATokenHandleWorksAndTheRootIsOpenAnyway() {
        String token = Tokens.signed(stack.secrets(), "client@example.com", "user");

        HttpResponse<String> logged = Http.postJson(broker("handle"), LOG, "Authorization", "Bearer " + token);

        assertEquals(202, logged.statusCode(), logged.body());
        assertEquals(Http.json("{\"error\":false,\"message\":\"logged\"}"), Http.json(logged.body()));
        assertEquals(200, Http.postJson(broker(""), "{}").statusCode(), "POST / needs no token");
    }
}
