import EntasDomain

/// ArgumentParser's own words in a help screen or a usage error (`USAGE:`, `OPTIONS:`, `(default: 1)`,
/// `Missing expected argument '<kk>'`, …), said in the reader's language through the catalogue
/// (`clihelp.frame.*`, `clihelp.parse.*`). The commands' own texts are catalogue messages already.
public enum ArgumentParserText {
    /// `text` (what ArgumentParser wrote) with its words in `language`.
    public static func translated(_ text: String, to language: Language = .current) -> String {
        func say(_ message: Message) -> String { message.rendered(in: language) }
        var text = text
        // Headings and the help flag.
        text.replace(#/(?m)^OVERVIEW: /#) { _ in say(Message("clihelp.frame.overview")) + " " }
        text.replace(#/(?m)^USAGE: /#) { _ in say(Message("clihelp.frame.usage")) + " " }
        text.replace(#/(?m)^ARGUMENTS:$/#) { _ in say(Message("clihelp.frame.arguments")) }
        text.replace(#/(?m)^OPTIONS:$/#) { _ in say(Message("clihelp.frame.options")) }
        text.replace(#/(?m)^SUBCOMMANDS:$/#) { _ in say(Message("clihelp.frame.subcommands")) }
        text.replace("Show help information.", with: say(Message("clihelp.frame.showHelp")))
        text.replace(#/See '(.+?)' for detailed help\./#) { say(Message("clihelp.frame.detailedHelp", .text(String($0.1)))) }
        text.replace("<subcommand>", with: say(Message("clihelp.frame.subcommandPlaceholder")))
        text.replace(" (default)", with: " " + say(Message("clihelp.frame.defaultSubcommand")))
        // `(values: a, b; default: a)`, wrapped anywhere between its words.
        text.replace(#/(\(\s*)values:/#) { $0.1 + say(Message("clihelp.frame.values")) }
        text.replace(#/([(;]\s*)default as flag:/#) { $0.1 + say(Message("clihelp.frame.defaultAsFlag")) }
        text.replace(#/([(;]\s*)default:/#) { $0.1 + say(Message("clihelp.frame.default")) }
        // A usage error: its lines, then the error itself.
        text.replace(#/(?m)^Error: /#) { _ in say(Message("clihelp.frame.error")) + " " }
        text.replace(#/(?m)^Usage: /#) { _ in say(Message("clihelp.frame.usageLine")) + " " }
        text.replace(#/(?m)^Help:  /#) { _ in say(Message("clihelp.frame.help")) + "  " }
        text.replace(#/See '(.+?)' for more information\./#) { say(Message("clihelp.frame.moreInformation", .text(String($0.1)))) }
        text.replace(#/Missing expected argument '(.+?)'/#) { say(Message("clihelp.parse.missingArgument", .text(String($0.1)))) }
        text.replace(#/Missing one of: '(.+?)'/#) { say(Message("clihelp.parse.missingOneOf", .text(String($0.1)))) }
        text.replace(#/Unknown option '(.+?)'\. Did you mean '(.+?)'\?/#) {
            say(Message("clihelp.parse.unknownOptionSuggestion", .text(String($0.1)), .text(String($0.2))))
        }
        text.replace(#/Unknown option '(.+?)'/#) { say(Message("clihelp.parse.unknownOption", .text(String($0.1)))) }
        text.replace(#/Missing value for '(.+?)'/#) { say(Message("clihelp.parse.missingValue", .text(String($0.1)))) }
        text.replace(#/(\d+) unexpected arguments: '(.+)'/#) {
            say(Message("clihelp.parse.unexpectedArguments", .text(String($0.1)), .text(String($0.2))))
        }
        text.replace(#/Unexpected argument '(.+?)'/#) { say(Message("clihelp.parse.unexpectedArgument", .text(String($0.1)))) }
        text.replace(#/The value '(.*?)' is invalid for '(.+?)'/#) {
            say(Message("clihelp.parse.invalidValue", .text(String($0.1)), .text(String($0.2))))
        }
        text.replace(". Please provide one of the following:", with: say(Message("clihelp.parse.oneOfList")))
        text.replace(#/\. Please provide one of ('.+')\./#) { match in
            let list = String(match.1)
                .replacing("' or '", with: "'" + say(Message("clihelp.parse.or")) + "'")
                .replacing("' and '", with: "'" + say(Message("clihelp.parse.and")) + "'")
            return say(Message("clihelp.parse.oneOf", .text(list)))
        }
        text.replace("Missing required subcommand.", with: say(Message("clihelp.parse.missingSubcommand")))
        text.replace(#/The option '(.+?)' does not take any value, but '(.+?)' was specified\./#) {
            say(Message("clihelp.parse.takesNoValue", .text(String($0.1)), .text(String($0.2))))
        }
        text.replace(#/(?m)Invalid option: (.+)$/#) { say(Message("clihelp.parse.invalidOption", .text(String($0.1)))) }
        return text
    }
}
