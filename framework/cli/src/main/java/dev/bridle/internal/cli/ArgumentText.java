package dev.bridle.internal.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Refuses a command-line argument that did not arrive as text. The JVM decodes arguments with the system's encoding
 * before Bridle sees them and puts U+FFFD where bytes do not decode, silently; a message classified, or a reference
 * recorded in a consent, would then not be what was typed. So an argument holding U+FFFD is a wrong command line (exit
 * code 2) that names the argument.
 */
final class ArgumentText {

    private static final char REPLACEMENT = '\uFFFD';

    private ArgumentText() {}

    /** @throws CommandLine.ParameterException naming the first argument that holds U+FFFD */
    static void check(ParseResult parsed) {
        List<String> args = parsed.originalArgs();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).indexOf(REPLACEMENT) >= 0) {
                List<CommandLine> commands = parsed.asCommandLineList();
                String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
                throw new CommandLine.ParameterException(
                        commands.get(commands.size() - 1),
                        "argument " + (i + 1) + " ("
                                + KeywordsCommand.quote(args.get(i)) + ") is not " + encoding
                                + " text: U+FFFD stands where its"
                                + " bytes could not be read; pass it as " + encoding
                                + (encoding.equalsIgnoreCase("UTF-8")
                                        ? ""
                                        : ", or set a UTF-8 locale (like LANG=C.UTF-8)"));
            }
        }
    }
}
