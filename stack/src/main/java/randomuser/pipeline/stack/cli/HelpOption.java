package randomuser.pipeline.stack.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} on every command (picocli's standard mixin would also add a meaningless --version). */
final class HelpOption {
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;
}
