package dev.jmicro.localstack;

import dev.jmicro.localstack.backing.BackingService;
import dev.jmicro.localstack.backing.MongoBacking;
import dev.jmicro.localstack.backing.OtlpTraceReceiver;
import dev.jmicro.localstack.backing.SmtpBacking;
import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;

/**
 * One embedded backing service on its standard ports and every address, as the main process of a container: the
 * stand-in for MongoDB ({@code mongo}: 27017), for Mailpit ({@code smtp}: SMTP 1025, IMAP 1143, the mail viewer
 * with its JSON at {@code /api/mails} on 8025) and for Jaeger ({@code otlp}: OTLP/gRPC on 4317, Jaeger's query API on
 * 16686) where those images cannot be had (docker/local/). It runs until the container stops it.
 */
public final class StandInMain {

    private StandInMain() {}

    public static void main(String[] args) throws Exception {
        InetAddress everywhere = InetAddress.getByName("0.0.0.0");
        String which = args.length == 1 ? args[0] : "";
        BackingService service =
                switch (which) {
                    case "mongo" -> MongoBacking.start(everywhere, 27017);
                    case "smtp" -> SmtpBacking.start(everywhere, 1025, 1143, 8025);
                    case "otlp" -> OtlpTraceReceiver.start(everywhere, 4317, 16686);
                    default -> {
                        System.err.println("usage: StandInMain mongo|smtp|otlp");
                        System.exit(2);
                        yield null;
                    }
                };
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }));
        System.out.println(service.name() + " stand-in ready on every address");
        stopped.await();
    }
}
