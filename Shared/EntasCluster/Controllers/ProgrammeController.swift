import EntasService
import EntasDomain
import Hummingbird

/// `GET /v1/programmes`: the cluster's programmes, the strategy each serves, and who may join.
public struct ProgrammeController: Sendable {
    let definition: ClusterDefinition

    public struct Entry: Codable, Sendable {
        public var code: String
        public var name: String
        public var indonesianName: String
        public var cluster: Cluster
        public var strategy: Strategy
        public var deliveryUnit: String
        public var eligibility: String
    }

    public struct List: ResponseCodable, Sendable {
        public var programmes: [Entry]
    }

    public func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>) {
        let programmes = definition.programmes
        group.get("programmes", summary: "This cluster's programmes, the strategy each serves, and its eligibility rule") { _, context in
            // Built for each request: the eligibility rule is written in the request's language.
            List(
                programmes: programmes.map {
                    Entry(
                        code: $0.code, name: $0.name, indonesianName: $0.indonesianName, cluster: $0.cluster, strategy: $0.strategy,
                        deliveryUnit: $0.deliveryUnit, eligibility: Self.text($0.eligibility.summary))
                })
        }
    }

    /// A text of the domain as the reader reads it.
    static func text(_ text: String) -> String { text }
    static func text(_ message: Message) -> String { message.rendered() }
}
