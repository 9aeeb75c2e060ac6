package dev.jmicro.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one-command local run ({@code ./mvnw -Prun}): starts the whole system, prints where everything is, and runs
 * until Ctrl-C, which stops all of it. A failure ends the program with exit code 1 and one line naming the part.
 */
public final class LocalStackMain {

    private LocalStackMain() {}

    public static void main(String[] args) {
        CommandLine line = LaunchOptions.commandLine();
        StackOptions options;
        try {
            ParseResult parsed = line.parseArgs(args);
            if (line.isUsageHelpRequested()) {
                line.usage(System.out);
                return;
            }
            options = LaunchOptions.stackOptions(parsed, StackOptions.findRoot());
        } catch (ParameterException | IllegalArgumentException | StackException e) {
            System.err.println("local-stack: " + e.getMessage());
            if (e instanceof UnmatchedArgumentException unmatched) {
                UnmatchedArgumentException.printSuggestions(unmatched, System.err);
            }
            line.usage(System.err);
            System.exit(2);
            return;
        }
        LocalStack stack;
        try {
            logLibrariesTo(options.runDir().resolve("logs/local-stack.log"));
            stack = LocalStack.start(options, Progress.toStdout());
        } catch (StackException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(Summary.of(stack));
        // The shutdown hook registered by LocalStack stops everything on Ctrl-C; until then, keep the JVM alive.
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stack.close();
        }
    }

    /**
     * The embedded servers' own warnings go to a file, so the console keeps to the progress lines and, on failure, the
     * one line that says why. Must run before any of them creates a logger.
     */
    private static void logLibrariesTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StackException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", file.toString());
    }

    /** The options a command line asks for; a mistake is a {@link ParameterException} or an {@link IllegalArgumentException}. */
    static StackOptions parse(String[] args, Path root) {
        return LaunchOptions.stackOptions(LaunchOptions.commandLine().parseArgs(args), root);
    }
}
