package dev.jmicro.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.support.Bodies;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.Ports;
import dev.jmicro.localstack.support.ProcessTree;
import dev.jmicro.localstack.support.Secrets;
import dev.jmicro.localstack.support.Tokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The launcher as a person runs it: its own process, its exit code, the one line it prints when something fails, and
 * what is left running or listening afterwards (nothing).
 */
class LauncherIT {

    private static final Pattern LOCAL_PORT = Pattern.compile("(?:127\\.0\\.0\\.1|localhost):(\\d+)");

    /** A running or finished launcher process and where its output went. */
    private record Launch(Process process, Path stdout, Path stderr) {

        String out() throws IOException {
            return Files.readString(stdout);
        }

        List<String> errLines() throws IOException {
            return Files.readAllLines(stderr);
        }

        /** Waits until the launcher has printed {@code text}, has ended, or the time is up. */
        boolean awaitOut(String text, long seconds) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!out().contains(text) && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            return out().contains(text);
        }

        int awaitExit(long seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("launcher still running after " + seconds + " s");
            }
            return process.exitValue();
        }
    }

    private Launch launch(TestInfo test, String... args) throws IOException {
        Path runDir = TestStacks.runDir(
                "launcher-" + test.getTestMethod().orElseThrow().getName());
        Files.createDirectories(runDir);
        String classpath = Files.readString(Path.of(System.getProperty("launcher.classpath")))
                .trim();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                "-Dstack.root=" + TestStacks.root(),
                "dev.jmicro.localstack.LocalStackMain",
                "--run-dir=" + runDir));
        command.addAll(List.of(args));
        Path stdout = runDir.resolve("launcher.out");
        Path stderr = runDir.resolve("launcher.err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        return new Launch(process, stdout, stderr);
    }

    @Test
    void aTakenPortStopsTheLauncherWithOneLineNamingTheService(TestInfo test) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Launch launch = launch(test, "--services=mail", "--no-zipkin", "--mail-port=" + port);

            assertEquals(1, launch.awaitExit(60), "exit code");
            assertEquals(
                    List.of("local-stack: mail: port " + port + " is already in use (choose another with"
                            + " --mail-port=N)"),
                    launch.errLines());
        }
    }

    @Test
    void aMistypedOptionIsNamedWithTheNearestOneAndNothingStarts(TestInfo test) throws Exception {
        Launch launch = launch(test, "--servces=mail");

        assertEquals(2, launch.awaitExit(60), "exit code");
        List<String> errors = launch.errLines();
        assertEquals("local-stack: Unknown option: '--servces=mail'", errors.get(0));
        assertEquals("Possible solutions: --services", errors.get(1));
        assertTrue(
                errors.contains("      --mail-port=N          HTTP port of mail (default 9085)"), "the options listed");
        assertEquals("", launch.out());
        Path runDir = launch.stdout().getParent();
        assertFalse(Files.exists(runDir.resolve("logs")) || Files.exists(runDir.resolve("servers")), "nothing started");
    }

    @Test
    void aBackingServiceThatCannotStartStopsTheLauncherAndWhatDidStart(TestInfo test) throws Exception {
        int nothingListensHere = Ports.free();
        Launch launch = launch(
                test,
                "--services=auth",
                "--no-zipkin",
                "--postgres-url=postgresql://nobody@127.0.0.1:" + nothingListensHere);

        assertEquals(1, launch.awaitExit(120), "exit code");
        List<String> errors = launch.errLines();
        assertEquals(1, errors.size(), "one line: " + errors);
        assertTrue(
                errors.get(0)
                        .startsWith("local-stack: postgres: failed to start: cannot reach PostgreSQL at" + " 127.0.0.1:"
                                + nothingListensHere),
                errors.get(0));
        assertNothingListensOnPortsIn(launch.out());
    }

    @Test
    void aServerNotReadyInTimeStopsTheLauncherAndEverythingItStarted(TestInfo test) throws Exception {
        int port = Ports.free();
        Launch launch = launch(test, "--services=mail", "--no-zipkin", "--ready-timeout=1", "--mail-port=" + port);

        assertEquals(1, launch.awaitExit(120), "exit code");
        List<String> errors = launch.errLines();
        assertEquals(1, errors.size(), "one line: " + errors);
        assertTrue(errors.get(0).startsWith("local-stack: mail: not ready within 1 s; see "), errors.get(0));
        assertTrue(Ports.isFree(port), "the mail server's port is free again");
        assertNothingListensOnPortsIn(launch.out());
    }

    @Test
    void ctrlCStopsEverythingAndLeavesNothingListening(TestInfo test) throws Exception {
        Launch launch =
                launch(test, "--services=mail,logger", "--mail-port=" + Ports.free(), "--logger-port=" + Ports.free());
        assertTrue(launch.awaitOut("jmicro is running", 240), "started: " + launch.out() + launch.errLines());
        List<ProcessHandle> children = launch.process().descendants().toList();
        assertFalse(children.isEmpty(), "the launcher runs its servers as child processes");

        int expectedExit = interrupt(launch.process());

        assertEquals(expectedExit, launch.awaitExit(90), "exit code of a JVM ended by the signal");
        assertAllEnded(children);
        assertNothingListensOnPortsIn(launch.out());
    }

    /**
     * Ctrl-C while Liberty's start script is still running its helpers: the stop once failed on a helper that had
     * exited meanwhile (a stack trace from "stop-mail") and left the server's JVM running after the launcher ended.
     */
    @Test
    void ctrlCWhileTheServersStartStopsThemAndBlamesNoServer(TestInfo test) throws Exception {
        Launch launch = launch(test, "--services=mail", "--no-zipkin", "--mail-port=" + Ports.free());
        assertTrue(launch.awaitOut("waiting until each is ready", 120), "starting: " + launch.out());
        List<ProcessHandle> children = launch.process().descendants().toList();

        int expectedExit = interrupt(launch.process());

        assertEquals(expectedExit, launch.awaitExit(90), "exit code of a JVM ended by the signal");
        List<String> out = Files.readAllLines(launch.stdout());
        assertTrue(out.get(out.size() - 1).endsWith("] stopped"), "the clean-up says it is done: " + out);
        // The launcher's own line may not make it before the JVM ends; if it does, it says what happened instead of
        // naming the first server to exit as the failure, as it did: the person stopped it.
        List<String> errors = launch.errLines();
        assertTrue(errors.isEmpty() || errors.equals(List.of("local-stack: stopped while starting")), "" + errors);
        assertAllEnded(children);
        assertNothingListensOnPortsIn(launch.out());
    }

    /**
     * {@code --dev=logger,mail}: the launcher starts the rest (here the broker) and their backing services, keeps their
     * ports for them, and writes each one's environment; a logger started the way the printed command starts dev mode
     * (that file read by a shell, then Liberty's own {@code server} script: what {@code liberty:dev} runs) becomes
     * ready, and the broker's gRPC writes and reads, with a token, reach it.
     */
    @Test
    void aServiceInDevModeIsHandedEverythingAndJoinsTheRest(TestInfo test) throws Exception {
        int brokerPort = Ports.free();
        int loggerPort = Ports.free();
        int mailPort = Ports.free();
        Launch launch = launch(
                test,
                "--services=broker",
                "--dev=logger,mail",
                "--no-zipkin",
                "--no-prometheus",
                "--broker-port=" + brokerPort,
                "--logger-port=" + loggerPort,
                "--mail-port=" + mailPort);
        Process devServer = null;
        try {
            assertTrue(launch.awaitOut("jmicro is running", 240), "started: " + launch.out() + launch.errLines());
            String out = launch.out();
            Path runDir = TestStacks.runDir(
                    "launcher-" + test.getTestMethod().orElseThrow().getName());
            Path env = runDir.resolve("dev/logger-war.env");
            String command = "cd logger-war && (set -a; . "
                    + TestStacks.root().resolve("logger-war").relativize(env) + "; ../mvnw liberty:dev)";
            assertTrue(
                    out.contains("logger    http://localhost:" + loggerPort + "/  yours in dev mode: " + command), out);
            assertFalse(out.contains("logger   ready"), "the launcher does not start the logger itself");
            assertEquals(
                    Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(env),
                    "it names secrets: the user's alone");
            String handedOver = Files.readString(env);
            for (String name : List.of(
                    "HTTP_PORT='" + loggerPort + "'",
                    "JNOSQL_MONGODB_URL='mongodb://",
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION='file:",
                    "OTEL_SERVICE_NAME='logger'",
                    "BROKER_URL='http://localhost:" + brokerPort + "'")) {
                assertTrue(handedOver.contains("\n" + name), name + " in\n" + handedOver);
            }
            assertFalse(handedOver.contains("JAVA_HOME="), "dev mode's own Java");
            // Two at once: the mail service gets its own file and line, with its own backing service.
            String mail = Files.readString(runDir.resolve("dev/mail-war.env"));
            assertTrue(mail.contains("\nHTTP_PORT='" + mailPort + "'") && mail.contains("\nSMTP_HOST='"), mail);
            assertTrue(
                    out.contains("mail      http://localhost:" + mailPort + "/  yours in dev mode: cd mail-war && "),
                    out);

            Path wlp = TestStacks.root().resolve("target/liberty/wlp");
            devServer = new ProcessBuilder(
                            "bash",
                            "-c",
                            "set -a; . \"$0\"; exec \"$1\" run logger",
                            env.toString(),
                            wlp.resolve("bin/server").toString())
                    .directory(TestStacks.root().resolve("logger-war").toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(runDir.resolve("dev-logger.log").toFile())
                    .start();
            java.net.URI logger = URI.create("http://localhost:" + loggerPort + "/");
            long ready = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (Http.status(logger.resolve("health/ready")) != 200
                    && devServer.isAlive()
                    && System.nanoTime() < ready) {
                Thread.sleep(500);
            }
            assertEquals(
                    200,
                    Http.status(logger.resolve("health/ready")),
                    "the dev server is ready with what it was handed");

            java.net.URI broker = URI.create("http://localhost:" + brokerPort + "/");
            String name = "dev-" + System.nanoTime();
            assertEquals(
                    202,
                    Http.postJson(
                                    broker.resolve("log-grpc"),
                                    Bodies.object("log", Bodies.object("name", name, "data", "x"))
                                            .toString())
                            .statusCode());
            String token = Tokens.signed(Secrets.loadOrCreate(runDir.resolve("secrets")), "dev@example.com", "user");
            var page = Http.getWithToken(broker.resolve("api/logs?name=" + name), token);
            assertEquals(200, page.statusCode(), page.body());
            assertEquals(
                    1, Http.object(page).getInt("total"), "the write reached the dev server; its token check works");
        } finally {
            if (devServer != null) {
                ProcessTree.stop(devServer.toHandle(), Duration.ofSeconds(30));
            }
            interrupt(launch.process());
            launch.awaitExit(90);
        }
        assertTrue(Ports.isFree(loggerPort) && Ports.isFree(brokerPort), "nothing left listening");
    }

    /**
     * Sends SIGINT, as Ctrl-C does. A JVM started with SIGINT ignored (a background job of a non-interactive shell)
     * keeps ignoring it; there the test sends SIGTERM, which runs the same shutdown hook.
     */
    private static int interrupt(Process process) throws Exception {
        boolean ignored = ignoresSigint(process.pid());
        new ProcessBuilder("kill", ignored ? "-TERM" : "-INT", Long.toString(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
        if (ignored) {
            System.out.println("SIGINT is ignored in this environment; sent SIGTERM instead");
        }
        return 128 + (ignored ? 15 : 2);
    }

    private static boolean ignoresSigint(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }

    private static void assertAllEnded(List<ProcessHandle> children) {
        for (ProcessHandle child : children) {
            assertFalse(
                    child.isAlive(),
                    "child still running: " + child.info().commandLine().orElse("?"));
        }
    }

    private static void assertNothingListensOnPortsIn(String output) {
        Set<Integer> ports = new TreeSet<>();
        Matcher matcher = LOCAL_PORT.matcher(output);
        while (matcher.find()) {
            ports.add(Integer.parseInt(matcher.group(1)));
        }
        for (int port : ports) {
            assertTrue(Ports.isFree(port), "port " + port + " still in use; launcher output:\n" + output);
        }
    }
}
