import ArgumentParser
import EntasDomain
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

    static let configuration = CommandConfiguration(
        commandName: "entas",
        abstract: "Entas, East Java's four-cluster poverty programme: overviews, gaps, conflicts, events, imports.",
        discussion:
            "Read commands (overview, gaps, conflicts, household, progress, strategies) ask the coordinator "
                + "(--coordinator, env ENTAS_COORDINATOR_URL) with a coordinator token (--token, env ENTAS_TOKEN). "
                + "`watch` prints the household events on Kafka as they arrive; `import` sends a CSV of households "
                + "to a cluster service; `worklist` fetches a cluster service's worklist for a desa or kecamatan.",
        subcommands: subcommands)

    /// Parses and runs the command in the language `--lang`, `ENTAS_LANG` or `LANG` chooses (Bahasa
    /// Indonesia by default), so that its output, its validation errors and the errors it ends with are in it.
    static func main() async {
        let language = LanguageOptions.chosen(arguments: CommandLine.arguments.dropFirst(), environment: ProcessInfo.processInfo.environment)
        await Language.$current.withValue(language) {
            await Self.main(nil)
        }
    }
}
