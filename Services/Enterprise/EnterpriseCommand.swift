import EntasDomain
import ArgumentParser
import EntasCluster
import EntasService

/// `entas-umkm`: Pemberdayaan UMKM (Dinas Koperasi dan UMK): enterprises, KUR microcredit, training, cooperatives.
@main
struct EnterpriseCommand: AsyncParsableCommand, ClusterExecutable {
    static let definition = ClusterDefinition(cluster: .enterprise, defaultPort: 8083, programmes: EnterpriseProgrammes.all,
        migrations: EnterpriseMigrations.register,
        controllers: [EnterpriseController(), LoanController(), TrainingController(), CollectiveController(Cooperatives.definition)])

    static let configuration = CommandConfiguration(
        commandName: "entas-umkm",
        abstract: "Pemberdayaan UMKM (Dinas Koperasi dan UMK): enterprises, KUR microcredit, training, cooperatives.",
        subcommands: [ServeCommand<Self>.self, TokenCommand<Self>.self, BackupCommand<Self>.self, KafkaConfigCommand<Self>.self],
        defaultSubcommand: ServeCommand<Self>.self)
}
