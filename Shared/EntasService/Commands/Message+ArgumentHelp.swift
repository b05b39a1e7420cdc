import ArgumentParser
import EntasDomain

extension Message {
    /// The text as an option's or an argument's help, in the language the command line is parsed in
    /// (``Language/current``), e.g. `@Option(help: Message("clihelp.overview.depth").help)`.
    public var help: ArgumentHelp { ArgumentHelp(rendered()) }

    /// The text as help, with the name shown for the value (`--token <token>`).
    public func help(valueName: String) -> ArgumentHelp {
        ArgumentHelp(rendered(), valueName: valueName)
    }
}
