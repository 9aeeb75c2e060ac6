package dev.jmicro.localstack;

import dev.jmicro.localstack.backing.AmqpBacking;
import dev.jmicro.localstack.backing.MongoBacking;
import dev.jmicro.localstack.backing.PostgresBacking;
import dev.jmicro.localstack.backing.PrometheusBacking;
import dev.jmicro.localstack.backing.SmtpBacking;
import dev.jmicro.localstack.backing.ZipkinBacking;
import java.util.List;

/** The text a person sees once the local stack is up: every URL, and how to sign in. */
final class Summary {

    private Summary() {}

    static String of(LocalStack stack) {
        StringBuilder text = new StringBuilder("\njmicro is running. Press Ctrl-C to stop everything.\n\n");
        for (Service service : stack.services()) {
            String grpc = service == Service.LOGGER ? ", gRPC: localhost:" + stack.loggerGrpcPort() : "";
            line(
                    text,
                    service.serverName(),
                    stack.server(service).url() + "  (API docs: openapi/ui, health: health" + grpc + ")");
        }
        for (Service service : stack.options().dev()) {
            line(
                    text,
                    service.serverName(),
                    stack.devUrl(service) + "  yours in dev mode: cd " + service.module() + " && "
                            + stack.devCommand(service));
        }
        text.append('\n');
        stack.backing(ZipkinBacking.class).ifPresent(zipkin -> line(text, "traces", zipkin.describe()));
        stack.backing(SmtpBacking.class).ifPresent(smtp -> line(text, "mails", smtp.viewerUrl()));
        stack.backing(PrometheusBacking.class)
                .ifPresentOrElse(
                        prometheus -> line(
                                text, "metrics", prometheus.describe() + "alerts  (Prometheus, the project's rules)"),
                        () -> line(
                                text,
                                "metrics",
                                PrometheusBacking.installed()
                                        ? "Prometheus off (--no-prometheus)"
                                        : "no Prometheus: 'sudo apt-get install --no-install-recommends prometheus'"
                                                + " (Debian) and the local run starts one with the project's rules"));
        for (var type : List.of(PostgresBacking.class, MongoBacking.class, AmqpBacking.class, SmtpBacking.class)) {
            stack.backing(type).ifPresent(running -> line(text, running.name(), running.describe()));
        }
        if (stack.services().contains(Service.AUTH) || stack.options().dev().contains(Service.AUTH)) {
            line(text, "admin", LocalStack.ADMIN_EMAIL + " / " + stack.secrets().adminPassword());
        }
        line(text, "logs", stack.options().runDir().resolve("servers") + "/<service>.log");
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("  %-9s %s%n", label, value));
    }
}
