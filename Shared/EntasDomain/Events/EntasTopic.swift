/// The Kafka topics of Entas.
///
/// `entas.households` carries registrations, updates and assessments from any cluster (compacted in
/// production); each cluster has its own topic for its own facts; undecodable events go to `entas.dead-letter`.
public enum EntasTopic: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// `entas.households`: household.registered, household.updated, household.assessed.
    case households = "entas.households"
    /// `entas.social-aid`: facts of the social-aid cluster.
    case socialAid = "entas.social-aid"
    /// `entas.empowerment`: facts of the community-empowerment cluster.
    case empowerment = "entas.empowerment"
    /// `entas.umkm`: facts of the enterprise (UMKM) cluster.
    case umkm = "entas.umkm"
    /// `entas.low-cost`: facts of the low-cost programmes cluster.
    case lowCost = "entas.low-cost"
    /// `entas.dead-letter`: events a consumer could not decode or validate, with the reason.
    case deadLetter = "entas.dead-letter"

    /// The topic name, e.g. `"entas.households"`.
    public var name: String { rawValue }

    /// The cluster that owns the topic, nil for the shared topics.
    public var cluster: Cluster? { Cluster.allCases.first { $0.topic == self } }

    public var description: String { rawValue }
}
