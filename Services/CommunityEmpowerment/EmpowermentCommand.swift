import EntasDomain
import ArgumentParser
import EntasCluster
import EntasService

/// `entas-empowerment`: Pemberdayaan Masyarakat (Bapemas): community groups, village projects, participatory planning.
@main
struct EmpowermentCommand: AsyncParsableCommand, ClusterExecutable {
    static let definition = ClusterDefinition(cluster: .communityEmpowerment, defaultPort: 8082, programmes: EmpowermentProgrammes.all, migrations: EmpowermentMigrations.register,
        controllers: EmpowermentCollectives.controllers)

    static let configuration = CommandConfiguration(
        commandName: "entas-empowerment",
        abstract: "Pemberdayaan Masyarakat (Bapemas): community groups, village projects, participatory planning.",
        subcommands: [ServeCommand<Self>.self, TokenCommand<Self>.self, BackupCommand<Self>.self, KafkaConfigCommand<Self>.self],
        defaultSubcommand: ServeCommand<Self>.self)
}
