package dev.jmicro.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options the images run with ({@code docker/liberty/jvm.options}), for a server started outside a container:
 * there the heap percentages would be of the whole machine's memory, so they become sizes of the container's.
 */
final class ContainerJvm {

    private ContainerJvm() {}

    static String args(Path jvmOptions, int containerMemoryMb) {
        List<String> args = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(jvmOptions)) {
                String option = line.strip();
                if (option.isEmpty() || option.startsWith("#")) {
                    continue;
                }
                if (option.startsWith("-XX:MaxRAMPercentage=")) {
                    args.add("-Xmx" + share(option, containerMemoryMb) + "m");
                } else if (option.startsWith("-XX:InitialRAMPercentage=")) {
                    args.add("-Xms" + share(option, containerMemoryMb) + "m");
                } else {
                    args.add(option);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(" ", args);
    }

    private static long share(String option, int memoryMb) {
        return Math.round(Double.parseDouble(option.substring(option.indexOf('=') + 1)) * memoryMb / 100);
    }
}
