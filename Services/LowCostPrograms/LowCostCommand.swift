import EntasDomain
import ArgumentParser
import EntasCluster
import EntasService

/// `entas-low-cost`: Program Murah (stakeholders): cheap electricity, clean water, RTLH housing renovation.
@main
struct LowCostCommand: AsyncParsableCommand, ClusterExecutable {
    static let definition = ClusterDefinition(cluster: .lowCost, defaultPort: 8084, programmes: LowCostProgrammes.all, migrations: LowCostMigrations.register,
        controllers: [WorkController()])

    static let configuration = CommandConfiguration(
        commandName: "entas-low-cost",
        abstract: "Program Murah (stakeholders): cheap electricity, clean water, RTLH housing renovation.",
        subcommands: [ServeCommand<Self>.self, TokenCommand<Self>.self, BackupCommand<Self>.self, KafkaConfigCommand<Self>.self],
        defaultSubcommand: ServeCommand<Self>.self)
}
