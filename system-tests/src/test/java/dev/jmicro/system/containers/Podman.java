package dev.jmicro.system.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs podman, podman-compose and the project's scripts with this machine's container settings
 * ({@code docker/podman/containers.conf}), each bounded in time; a command that fails says what it printed.
 */
final class Podman {

    /** What a finished command printed (stdout and stderr together) and its exit code. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** Where podman 4.3 looks for the init binary of a container with {@code init: true}. */
    static final String CATATONIT = "/usr/libexec/podman/catatonit";

    private final Path root;
    private final Map<String, String> environment;

    Podman(Path root, Map<String, String> environment) {
        this.root = root;
        this.environment = environment;
    }

    /** Whether podman and podman-compose are here and usable (as root: rootless needs a set-up this test does not make). */
    static String whyNotUsable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "the container test runs podman as root, and this is not root";
        }
        for (String tool : List.of("podman", "podman-compose", "buildah", "debootstrap")) {
            if (!onPath(tool)) {
                return tool + " is not installed (docker/local/ensure-podman.sh installs it as root with apt)";
            }
        }
        if (!Files.isExecutable(Path.of(CATATONIT))) {
            return "catatonit, the init process podman runs for `init: true`, is not at " + CATATONIT
                    + " (docker/local/ensure-podman.sh installs it as root with apt)";
        }
        return null;
    }

    private static boolean onPath(String tool) {
        for (String dir : (System.getenv("PATH") + ":/usr/sbin:/sbin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    Result run(Duration limit, String... command) {
        List<String> line = List.of(command);
        ProcessBuilder builder =
                new ProcessBuilder(line).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Path output = Files.createTempFile("podman", ".out");
            builder.redirectOutput(output.toFile());
            Process process = builder.start();
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                String printed = Files.readString(output, StandardCharsets.UTF_8);
                throw new IllegalStateException(
                        String.join(" ", line) + " took longer than " + limit + ":\n" + printed);
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return new Result(process.exitValue(), printed);
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", line) + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Like {@link #run}, but a non-zero exit is a failure that shows the output. */
    String ok(Duration limit, String... command) {
        Result result = run(limit, command);
        if (!result.ok()) {
            throw new IllegalStateException(
                    String.join(" ", command) + " exited with " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }
}
