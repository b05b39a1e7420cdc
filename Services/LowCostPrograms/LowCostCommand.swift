import EntasDomain
import ArgumentParser
import EntasCluster
import EntasService

/// `entas-low-cost`: Program Murah (stakeholders): cheap electricity, clean water, RTLH housing renovation.
@main
struct LowCostCommand: AsyncParsableCommand, ClusterExecutable {
    /// Parses in English, as the service's operator commands speak it (docs/operations.md "Language");
    /// what the service serves follows each request's `Accept-Language`.
    static func main() async { await CommandMain.run(Self.self, parsingIn: .english) }

    static let definition = ClusterDefinition(cluster: .lowCost, defaultPort: 8084, programmes: LowCostProgrammes.all, migrations: LowCostMigrations.register,
        controllers: [WorkController()])

    static let configuration = CommandConfiguration(
        commandName: "entas-low-cost",
        abstract: "Program Murah (stakeholders): cheap electricity, clean water, RTLH housing renovation.",
        subcommands: [ServeCommand<Self>.self, TokenCommand<Self>.self, BackupCommand<Self>.self, KafkaConfigCommand<Self>.self],
        defaultSubcommand: ServeCommand<Self>.self)
}
