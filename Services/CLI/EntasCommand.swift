import ArgumentParser
import EntasDomain
import EntasService
import Foundation

/// `entas`: the command line of Entas. Read commands ask the coordinator's read API; `watch`
/// follows the events on Kafka; `import` streams a CSV into a cluster service.
///
/// To add a command, write it under `Commands/` and add it to ``subcommands``.
@main
struct EntasCommand: AsyncParsableCommand {
    /// Every subcommand, in the order `entas --help` lists them.
    static let subcommands: [any ParsableCommand.Type] = [
        OverviewCommand.self,
        GapsCommand.self,
        ConflictsCommand.self,
        CasesCommand.self,
        HouseholdCommand.self,
        ProgressCommand.self,
        StrategiesCommand.self,
        PlanCommand.self,
        EvaluateCommand.self,
        TargetCommand.self,
        WatchCommand.self,
        ImportCommand.self,
        WorklistCommand.self,
        AuditCommand.self,
        DevCommand.self,
        TopicsCommand.self,
        SeedCommand.self,
    ]

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "entas",
            abstract: Message("clihelp.entas.abstract").rendered(),
            discussion: Message("clihelp.entas.discussion").rendered(),
            subcommands: subcommands)
    }

    /// Parses and runs the command in the language `--lang`, `ENTAS_LANG` or `LANG` chooses (Bahasa
    /// Indonesia by default), so that its help, its output, its validation errors and the errors it ends
    /// with are in it (ArgumentParser's own words too, ``ArgumentParserText``).
    static func main() async {
        let language = LanguageOptions.chosen(arguments: CommandLine.arguments.dropFirst(), environment: ProcessInfo.processInfo.environment)
        await Language.$current.withValue(language) {
            await CommandMain.run(Self.self)
        }
    }
}
