import EntasDomain
import EntasCluster
import EntasService

/// Koperasi: cooperatives of a kecamatan, whose member households are enrolled in `cooperative`.
enum Cooperatives {
    static let definition = CollectiveDefinition(
        route: "cooperatives", table: "cooperative", programme: EnterpriseProgrammes.cooperative.code,
        noun: "cooperative", label: Message("services.collective.cooperative"), kinds: ["savingsAndLoan", "producer", "marketing", "consumer", "multipurpose"], memberArea: .kecamatan)
}
