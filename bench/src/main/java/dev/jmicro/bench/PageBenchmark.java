package dev.jmicro.bench;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackOptions;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How long the front end takes to serve each page under a light load: {@code --users=N} people (default 20), each
 * signed in with a session of their own, going through the pages in turn with {@code --think-ms} (default 1000) between
 * two pages, for {@code --seconds} (default 60) after {@code --warmup} seconds (default 30). The time of a page is from
 * request to the last byte of the answer, over loopback, so it is the server's time (the front end plus the broker and
 * services it asks) and little else. Target: p95 ≤ 200 ms for every page. The whole system runs, with full JIT.
 */
@Command(name = "PageBenchmark", description = "How long the front end takes to serve each page under a light load.")
public final class PageBenchmark implements Callable<Integer> {

    private static final List<String> PAGES =
            List.of("index.xhtml", "logs.xhtml", "mail.xhtml", "status.xhtml?live=false", "users.xhtml");
    /** Page views of the current walk that failed (an error status, or back on sign-in), by page. */
    private static final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Mixin
    private HelpOption help;

    @Option(
            names = "--users",
            paramLabel = "N",
            description = "people, each with a session of their own (default ${DEFAULT-VALUE})")
    private int users = 20;

    @Option(
            names = "--think-ms",
            paramLabel = "MS",
            description = "between two pages of one person (default ${DEFAULT-VALUE})")
    private long thinkMillis = 1000;

    @Option(names = "--seconds", paramLabel = "SECONDS", description = "measured (default ${DEFAULT-VALUE})")
    private long seconds = 60;

    @Option(
            names = "--warmup",
            paramLabel = "SECONDS",
            description = "seconds before the measurement (default ${DEFAULT-VALUE})")
    private long warmup = 30;

    public static void main(String[] args) {
        System.exit(new CommandLine(new PageBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        StackOptions options = StackOptions.forTests("bench/target/page-run")
                .zipkin(false)
                .jvmArgs(StackOptions.THROUGHPUT_JVM_ARGS)
                // Every simulated person signs in through the one front end: the broker's per-client limit would
                // count them as one client.
                .setting(Service.BROKER, "BROKER_SIGNIN_RATE_LIMIT", "10000")
                .build();
        try (LocalStack stack = LocalStack.start(options, line -> {})) {
            URI frontend = stack.server(Service.FRONTEND).url();
            List<HttpClient> people = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                people.add(signedIn(frontend, stack.secrets().adminPassword()));
            }
            System.out.printf(
                    "front end pages: %d people, %d ms between pages, %d s after %d s warm-up, %d cores%n",
                    users, thinkMillis, seconds, warmup, Runtime.getRuntime().availableProcessors());
            browse(people, frontend, thinkMillis, Duration.ofSeconds(warmup));
            Map<String, List<Long>> times = browse(people, frontend, thinkMillis, Duration.ofSeconds(seconds));
            System.out.printf("%-26s %8s %8s %8s %8s %8s%n", "page", "views", "p50 ms", "p95 ms", "max ms", "failed");
            boolean allMet = true;
            for (String page : PAGES) {
                List<Long> sorted = new ArrayList<>(times.getOrDefault(page, List.of()));
                Collections.sort(sorted);
                double p95 = percentile(sorted, 0.95);
                allMet &= p95 <= 200;
                System.out.printf(
                        "%-26s %8d %8.1f %8.1f %8.1f %8d%n",
                        page,
                        sorted.size(),
                        percentile(sorted, 0.50),
                        p95,
                        sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6,
                        failures.getOrDefault(page, new AtomicInteger()).get());
            }
            System.out.println("p95 <= 200 ms for every page: " + (allMet ? "met" : "NOT met"));
        }
        return 0;
    }

    /** A person with a session of their own, signed in through the sign-in form as a browser would. */
    private static HttpClient signedIn(URI frontend, String password) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        String form = client.send(
                        HttpRequest.newBuilder(frontend.resolve("signin.xhtml")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher viewState = VIEW_STATE.matcher(form);
        if (!viewState.find()) {
            throw new IllegalStateException("no sign-in form at " + frontend);
        }
        String body = "signin=signin&signin_SUBMIT=1&signin%3Ago=Sign+in"
                + "&signin%3Aemail=" + URLEncoder.encode(LocalStack.ADMIN_EMAIL, StandardCharsets.UTF_8)
                + "&signin%3Apassword=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&jakarta.faces.ViewState=" + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(frontend.resolve("signin.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (!answer.uri().getPath().endsWith("/index.xhtml")) {
            throw new IllegalStateException("sign-in failed: " + answer.uri());
        }
        return client;
    }

    /** Every person goes through the pages in turn, one page after another with the think time in between. */
    private static Map<String, List<Long>> browse(
            List<HttpClient> people, URI frontend, long thinkMillis, Duration duration) throws Exception {
        failures.clear();
        ExecutorService threads = Executors.newFixedThreadPool(people.size());
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Map<String, List<Long>>>> walks = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            HttpClient person = people.get(i);
            int first = i % PAGES.size();
            walks.add(threads.submit(() -> {
                Map<String, List<Long>> times = new LinkedHashMap<>();
                for (int step = first; System.nanoTime() < end; step++) {
                    String page = PAGES.get(step % PAGES.size());
                    long started = System.nanoTime();
                    HttpResponse<String> answer = person.send(
                            HttpRequest.newBuilder(frontend.resolve(page)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - started;
                    boolean ok = answer.statusCode() == 200
                            && !answer.uri().getPath().endsWith("/signin.xhtml");
                    if (ok) {
                        times.computeIfAbsent(page, p -> new ArrayList<>()).add(took);
                    } else {
                        failures.computeIfAbsent(page, p -> new AtomicInteger()).incrementAndGet();
                    }
                    Thread.sleep(thinkMillis);
                }
                return times;
            }));
        }
        Map<String, List<Long>> all = new LinkedHashMap<>();
        for (Future<Map<String, List<Long>>> walk : walks) {
            walk.get().forEach((page, list) -> all.computeIfAbsent(page, p -> new ArrayList<>())
                    .addAll(list));
        }
        threads.shutdown();
        return all;
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1)))) / 1e6;
    }
}
