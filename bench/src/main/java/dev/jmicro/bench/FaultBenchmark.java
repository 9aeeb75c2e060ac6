package dev.jmicro.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.backing.AmqpBacking;
import dev.jmicro.localstack.backing.MongoBacking;
import dev.jmicro.localstack.backing.PostgresBacking;
import dev.jmicro.localstack.backing.SmtpBacking;
import dev.jmicro.localstack.support.Http;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Faults under load, nothing lost. A steady stream of sign-ins, log writes over AMQP ({@code /handle}) and gRPC
 * ({@code /log-grpc}), and mails ({@code /api/mails}) flows through the broker, while each service in turn is killed
 * (SIGKILL, then started again) and paused (SIGSTOP for the fault's length, then SIGCONT), and each backing service
 * is made to fail: the embedded PostgreSQL killed and paused like a service; the AMQP broker, the MongoDB stand-in and
 * the SMTP server (in this JVM, where no signal can reach them alone) stopped without notice and started again.
 *
 * <p>It prints, per fault and per stream, the requests that failed and the error window (from the fault to the end of
 * the last failure), and how long each stream took to succeed again after the repair. At the end every log entry and mail
 * accepted with a 2xx must be stored or sent exactly once; the benchmark exits with 1 if one is missing or doubled, or
 * if a stream did not recover by itself within two minutes.
 *
 * <p>Options: {@code --help}.
 */
@Command(name = "FaultBenchmark", description = "Faults under load, nothing lost.")
public final class FaultBenchmark implements Callable<Integer> {

    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(2);

    /** One request's outcome: its stream, sequence number, when it started and ended, its status (-1: no answer). */
    private record Outcome(String stream, int sequence, long startedNanos, long endedNanos, int status) {
        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    /** A fault: what breaks and how it is repaired. */
    private record Fault(String name, Step breakIt, Step repair) {}

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    @Mixin
    private HelpOption help;

    @Option(
            names = "--fault-seconds",
            paramLabel = "SECONDS",
            description = "how long each fault lasts (default ${DEFAULT-VALUE})")
    private int faultSeconds = 8;

    @Option(
            names = "--rate",
            paramLabel = "N",
            description = "requests per second and stream; sign-ins a fifth of it (bcrypt) (default ${DEFAULT-VALUE})")
    private int rate = 10;

    @Option(
            names = "--only",
            split = ",",
            paramLabel = "FAULT",
            description = "run these faults only, e.g. broker,postgres")
    private List<String> only = List.of();

    @Option(
            names = "--jvm-args",
            paramLabel = "OPTIONS",
            description = "JVM options for the servers (default ${DEFAULT-VALUE})")
    private String jvmArgs = StackOptions.DEFAULT_JVM_ARGS;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FaultBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        StackOptions options = StackOptions.forTests("bench/target/fault-run")
                .services(EnumSet.complementOf(EnumSet.of(Service.FRONTEND)))
                .zipkin(false)
                .jvmArgs(jvmArgs)
                // A mail that failed during an SMTP outage is tried again within 10 s, not after minutes of backoff.
                .setting(Service.MAIL, "MAIL_RETRY_MAX_DELAY_MS", "10000")
                // All the load comes from one address; the broker's per-address sign-in limit (20 a minute) would
                // refuse most of the sign-in stream with 429 and hide what the faults do.
                .setting(Service.BROKER, "BROKER_SIGNIN_RATE_LIMIT", "1000000")
                .build();
        int exit;
        try (LocalStack stack = LocalStack.start(options, line -> {})) {
            exit = run(stack, faultSeconds, rate, only);
        }
        return exit;
    }

    private static int run(LocalStack stack, int faultSeconds, int rate, List<String> only) throws Exception {
        URI broker = stack.server(Service.BROKER).url();
        String credentials = stack.adminCredentials().toString();
        AtomicReference<String> token = new AtomicReference<>(signIn(broker, credentials));
        String run = Long.toString(System.currentTimeMillis(), 36);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicBoolean going = new AtomicBoolean(true);
        List<Thread> streams = List.of(
                stream(
                        "sign-in",
                        Math.max(1, rate / 5),
                        going,
                        outcomes,
                        i -> post(broker, "api/auth/token", credentials, null, null)),
                stream(
                        "log amqp",
                        rate,
                        going,
                        outcomes,
                        i -> post(
                                broker,
                                "handle",
                                "{\"action\":\"log\",\"log\":{\"name\":\"fault-amqp-" + run + "\",\"data\":\"" + i
                                        + "\"}}",
                                null,
                                null)),
                stream(
                        "log grpc",
                        rate,
                        going,
                        outcomes,
                        i -> post(
                                broker,
                                "log-grpc",
                                "{\"action\":\"log\",\"log\":{\"name\":\"fault-grpc-" + run + "\",\"data\":\"" + i
                                        + "\"}}",
                                null,
                                null)),
                stream(
                        "mail",
                        Math.max(1, rate / 2),
                        going,
                        outcomes,
                        i -> post(
                                broker,
                                "api/mails",
                                "{\"to\":\"faults@example.com\",\"subject\":\"fault " + run + " " + i
                                        + "\",\"message\":\"mail " + i + "\"}",
                                token.get(),
                                "fault-" + run + "-" + i)));
        Thread refresher = new Thread(() -> {
            while (going.get()) {
                sleep(Duration.ofMinutes(2));
                try {
                    token.set(signIn(broker, credentials));
                } catch (Exception e) {
                    // Tried again in two minutes; the token lasts longer.
                }
            }
        });
        refresher.setDaemon(true);
        refresher.start();
        streams.forEach(Thread::start);
        sleep(Duration.ofSeconds(10)); // steady state before the first fault

        Duration down = Duration.ofSeconds(faultSeconds);
        List<Fault> faults = faults(stack, down).stream()
                .filter(f -> only.isEmpty() || only.stream().anyMatch(f.name()::startsWith))
                .toList();
        System.out.printf(
                "faults under load: %d faults of %d s, %d requests/s per stream, %d cores%n",
                faults.size(), faultSeconds, rate, Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "%-18s %-9s %8s %10s %13s  %s%n",
                "fault", "stream", "failed", "window s", "recovered s", "failures by status (-1: no answer in 5 s)");
        boolean allRecovered = true;
        for (Fault fault : faults) {
            long broken = System.nanoTime();
            fault.breakIt().run();
            sleep(down);
            fault.repair().run();
            long repaired = System.nanoTime();
            Map<String, Long> recoveredAt = awaitRecovery(outcomes, streams, repaired);
            for (Thread stream : streams) {
                String name = stream.getName();
                List<Outcome> failed = outcomes.stream()
                        .filter(o -> o.stream().equals(name) && o.startedNanos() >= broken && !o.accepted())
                        .filter(o -> o.startedNanos() < recoveredAt.getOrDefault(name, Long.MAX_VALUE))
                        .toList();
                long lastFailure =
                        failed.stream().mapToLong(Outcome::endedNanos).max().orElse(broken);
                Long back = recoveredAt.get(name);
                allRecovered &= back != null;
                Map<Integer, Long> byStatus = new java.util.TreeMap<>(failed.stream()
                        .collect(java.util.stream.Collectors.groupingBy(
                                Outcome::status, java.util.stream.Collectors.counting())));
                System.out.printf(
                        "%-18s %-9s %8d %10.1f %13s  %s%n",
                        fault.name(),
                        name,
                        failed.size(),
                        (lastFailure - broken) / 1e9,
                        back == null ? "NEVER" : String.format("%.1f", Math.max(0, back - repaired) / 1e9),
                        byStatus.isEmpty() ? "" : byStatus.toString());
            }
            sleep(Duration.ofSeconds(5));
        }
        going.set(false);
        for (Thread stream : streams) {
            stream.join();
        }
        return verify(stack, outcomes, run) && allRecovered ? 0 : 1;
    }

    private static List<Fault> faults(LocalStack stack, Duration down) {
        List<Fault> faults = new ArrayList<>();
        for (Service service : List.of(Service.BROKER, Service.AUTH, Service.LOGGER, Service.LISTENER, Service.MAIL)) {
            String name = service.serverName();
            faults.add(new Fault(name + " SIGKILL", () -> stack.kill(service), () -> stack.restart(service)));
            faults.add(new Fault(name + " SIGSTOP", () -> stack.pause(service), () -> stack.resume(service)));
        }
        PostgresBacking postgres = stack.backing(PostgresBacking.class).orElseThrow();
        faults.add(new Fault("postgres SIGKILL", postgres::kill, postgres::start));
        faults.add(new Fault("postgres SIGSTOP", postgres::pause, postgres::resume));
        AmqpBacking amqp = stack.backing(AmqpBacking.class).orElseThrow();
        faults.add(new Fault("amqp stop", amqp::pause, amqp::resume));
        MongoBacking mongo = stack.backing(MongoBacking.class).orElseThrow();
        faults.add(new Fault("mongo stop", mongo::pause, mongo::resume));
        SmtpBacking smtp = stack.backing(SmtpBacking.class).orElseThrow();
        faults.add(new Fault("smtp stop", smtp::pause, smtp::resume));
        return faults;
    }

    /** A thread that sends one request every 1/rate s (a late one is not made up for) and records the outcome. */
    private static Thread stream(
            String name,
            int rate,
            AtomicBoolean going,
            ConcurrentLinkedQueue<Outcome> outcomes,
            java.util.function.IntUnaryOperator request) {
        Thread thread = new Thread(
                () -> {
                    long period = 1_000_000_000L / rate;
                    long next = System.nanoTime();
                    for (int i = 0; going.get(); i++) {
                        long started = System.nanoTime();
                        int status = request.applyAsInt(i);
                        outcomes.add(new Outcome(name, i, started, System.nanoTime(), status));
                        next = Math.max(next + period, System.nanoTime());
                        sleep(Duration.ofNanos(next - System.nanoTime()));
                    }
                },
                name);
        thread.setDaemon(true);
        return thread;
    }

    /** When each stream first succeeded after the repair, waiting at most {@link #RECOVERY_LIMIT}. */
    private static Map<String, Long> awaitRecovery(
            ConcurrentLinkedQueue<Outcome> outcomes, List<Thread> streams, long repaired) {
        Map<String, Long> recovered = new HashMap<>();
        long deadline = repaired + RECOVERY_LIMIT.toNanos();
        while (recovered.size() < streams.size() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(250));
            for (Outcome outcome : outcomes) {
                if (outcome.accepted() && outcome.startedNanos() >= repaired) {
                    recovered.merge(outcome.stream(), outcome.startedNanos(), Math::min);
                }
            }
        }
        return recovered;
    }

    /** Every accepted log entry stored once and every accepted mail sent once, once the outboxes have drained. */
    private static boolean verify(LocalStack stack, ConcurrentLinkedQueue<Outcome> outcomes, String run)
            throws Exception {
        boolean ok = true;
        MongoBacking mongo = stack.backing(MongoBacking.class).orElseThrow();
        try (MongoClient client = MongoClients.create(mongo.url())) {
            var logs = client.getDatabase("logs").getCollection("logs");
            for (String stream : List.of("log amqp", "log grpc")) {
                String name = "fault-" + stream.substring(4) + "-" + run;
                ok &= exactlyOnce(stream, outcomes, () -> {
                    Map<Integer, Integer> stored = new HashMap<>();
                    for (Document entry : logs.find(Filters.eq("name", name))) {
                        stored.merge(Integer.valueOf(entry.getString("data")), 1, Integer::sum);
                    }
                    return stored;
                });
            }
        }
        SmtpBacking smtp = stack.backing(SmtpBacking.class).orElseThrow();
        String prefix = "fault " + run + " ";
        ok &= exactlyOnce("mail", outcomes, () -> {
            Map<Integer, Integer> sent = new HashMap<>();
            for (MimeMessage mail : smtp.received()) {
                String subject = subject(mail);
                if (subject != null && subject.startsWith(prefix)) {
                    sent.merge(Integer.valueOf(subject.substring(prefix.length())), 1, Integer::sum);
                }
            }
            return sent;
        });
        return ok;
    }

    /**
     * Waits up to two minutes until every accepted request of the stream is there, then checks that none is there
     * twice; prints the figures. Requests that failed may have been stored all the same (the answer was lost, not
     * the write): they are counted, and may be there at most once too.
     */
    private static boolean exactlyOnce(
            String stream,
            ConcurrentLinkedQueue<Outcome> outcomes,
            java.util.function.Supplier<Map<Integer, Integer>> stored) {
        List<Outcome> mine =
                outcomes.stream().filter(o -> o.stream().equals(stream)).toList();
        List<Integer> accepted =
                mine.stream().filter(Outcome::accepted).map(Outcome::sequence).toList();
        long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
        Map<Integer, Integer> counts = stored.get();
        while (!counts.keySet().containsAll(accepted) && System.nanoTime() < deadline) {
            sleep(Duration.ofSeconds(1));
            counts = stored.get();
        }
        Map<Integer, Integer> found = counts;
        long missing = accepted.stream().filter(i -> !found.containsKey(i)).count();
        long twice = found.values().stream().filter(n -> n > 1).count();
        long failedButStored = mine.stream()
                .filter(o -> !o.accepted() && found.containsKey(o.sequence()))
                .count();
        System.out.printf(
                "%-9s %6d sent, %6d accepted: %d missing, %d stored more than once; %d refused or unanswered but"
                        + " stored all the same%n",
                stream, mine.size(), accepted.size(), missing, twice, failedButStored);
        if (missing > 0) {
            System.out.println("  missing: "
                    + ranges(
                            accepted.stream().filter(i -> !found.containsKey(i)).toList()));
        }
        return missing == 0 && twice == 0;
    }

    /** Sequence numbers as ranges, e.g. {@code 3, 10–19}. */
    private static String ranges(List<Integer> sorted) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sorted.size(); i++) {
            int first = sorted.get(i);
            while (i + 1 < sorted.size() && sorted.get(i + 1) == sorted.get(i) + 1) {
                i++;
            }
            text.append(text.isEmpty() ? "" : ", ")
                    .append(first == sorted.get(i) ? first : first + "–" + sorted.get(i));
        }
        return text.toString();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String signIn(URI broker, String credentials) {
        HttpResponse<String> answer = Http.postJson(broker.resolve("api/auth/token"), credentials);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("sign-in: " + answer.statusCode() + " " + answer.body());
        }
        return Http.object(answer).getString("access_token");
    }

    /** Posts JSON; the status, or -1 when no answer came within JsonPost's 5 s. */
    private static int post(URI base, String path, String json, String token, String idempotencyKey) {
        List<String> headers = new ArrayList<>();
        if (token != null) {
            headers.addAll(List.of("Authorization", "Bearer " + token));
        }
        if (idempotencyKey != null) {
            headers.addAll(List.of("Idempotency-Key", idempotencyKey));
        }
        try {
            return JsonPost.status(base.resolve(path), json, headers.toArray(String[]::new));
        } catch (java.io.UncheckedIOException e) {
            return -1;
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
