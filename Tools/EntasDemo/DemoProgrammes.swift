import EntasDomain

/// The programmes as the demo plans against them: the services' own catalogue
/// (``ProgrammeCatalogue``), with what only the demo needs (which are delivered every quarter,
/// eligibility as the demo household sees it).
///
/// A rule checks the status the enrolling cluster sees (its own latest assessment, else the baseline), the
/// household's member count and the criteria it registered with, exactly as the services do.
public enum DemoProgrammes {
    /// Every programme, cluster by cluster (social aid, empowerment, UMKM, low cost), each cluster's in
    /// catalogue order.
    public static var all: [Programme] { ProgrammeCatalogue.all }

    /// Programmes delivered every quarter (the others are delivered once: a connection, a house, a loan).
    public static let periodic: Set<String> = ["pkh", "rastra", "jamkesda", "pip", "training"]

    /// The programme with this code, or nil.
    public static func programme(_ code: String) -> Programme? { ProgrammeCatalogue.programme(code) }

    /// One cluster's programmes.
    public static func programmes(of cluster: Cluster) -> [Programme] { ProgrammeCatalogue.programmes(of: cluster) }

    /// True when `household`, seen with `status`, may enrol in `programme`.
    public static func isEligible(_ household: DemoHousehold, status: PovertyStatus?, for programme: Programme) -> Bool {
        programme.eligibility.refusal(for: household.facts(status: status)) == nil
    }

    /// True when a household with `facts` may enrol in `programme`.
    public static func isEligible(_ facts: HouseholdFacts, for programme: Programme) -> Bool {
        programme.eligibility.refusal(for: facts) == nil
    }
}
