package dev.jmicro.bench;

import picocli.CommandLine.Option;

/** The {@code --help} every benchmark takes: its options, their meaning and defaults, generated from their declarations. */
final class HelpOption {

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "print the options and exit")
    private boolean help;
}
