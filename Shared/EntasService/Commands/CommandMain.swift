import ArgumentParser
import EntasDomain
import Foundation

/// Runs a root command as ArgumentParser's own `main()` does (parse, run, or print the help or the
/// error and exit with its code), with ArgumentParser's own words in the language of the command line
/// (``ArgumentParserText``). The commands' help texts are catalogue messages, rendered in that language
/// while the command line is parsed.
public enum CommandMain {
    /// Parses `arguments` (the process's by default) in `language`, runs the command in the language the
    /// caller set, and prints help and errors in `language`.
    public static func run(_ root: any ParsableCommand.Type, arguments: [String]? = nil, parsingIn language: Language = .current) async {
        do {
            var command = try Language.$current.withValue(language) { try root.parseAsRoot(arguments) }
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            Language.$current.withValue(language) { exit(root, error) }
        }
    }

    /// Prints the help `error` asks for, or the error with the usage, and exits with its code.
    private static func exit(_ root: any ParsableCommand.Type, _ error: any Error) -> Never {
        let text = ArgumentParserText.translated(root.fullMessage(for: error))
        let code = root.exitCode(for: error)
        if !text.isEmpty {
            if code.isSuccess {
                print(text)
            } else {
                FileHandle.standardError.write(Data((text + "\n").utf8))
            }
        }
        root.exit(withError: code.isSuccess ? nil : code)
    }
}
