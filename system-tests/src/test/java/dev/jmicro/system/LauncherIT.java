package dev.jmicro.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.support.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!launch.out().contains("jmicro is running")
                && launch.process().isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertTrue(launch.out().contains("jmicro is running"), "started: " + launch.out() + launch.errLines());
        List<ProcessHandle> children = launch.process().descendants().toList();
        assertFalse(children.isEmpty(), "the launcher runs its servers as child processes");

        int expectedExit = interrupt(launch.process());

        assertEquals(expectedExit, launch.awaitExit(90), "exit code of a JVM ended by the signal");
        for (ProcessHandle child : children) {
            assertFalse(
                    child.isAlive(),
                    "child still running: " + child.info().commandLine().orElse("?"));
        }
        assertNothingListensOnPortsIn(launch.out());
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
