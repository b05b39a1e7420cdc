import EntasDomain
import ArgumentParser
import EntasCluster
import EntasService

/// `entas-social-aid`: Bantuan Sosial (Dinas Sosial): PKH, Rastra, Jamkesda/KIS, PIP/BSM and shock relief.
@main
struct SocialAidCommand: AsyncParsableCommand, ClusterExecutable {
    static let definition = ClusterDefinition(cluster: .socialAid, defaultPort: 8081, programmes: SocialAidProgrammes.all, migrations: SocialAidMigrations.register,
        controllers: [ShockController()])

    static let configuration = CommandConfiguration(
        commandName: "entas-social-aid",
        abstract: "Bantuan Sosial (Dinas Sosial): PKH, Rastra, Jamkesda/KIS, PIP/BSM and shock relief.",
        subcommands: [ServeCommand<Self>.self, TokenCommand<Self>.self, BackupCommand<Self>.self, KafkaConfigCommand<Self>.self],
        defaultSubcommand: ServeCommand<Self>.self)
}
