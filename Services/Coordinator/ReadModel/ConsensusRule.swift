import EntasAPI
import EntasDomain

/// The coordinator's consensus rules (docs/coordinator.md, "The consensus rules"), as pure functions of each cluster's
/// latest assessment.
///
/// - **Consensus status**: the status most clusters give in their latest assessment; a tie goes to the more
///   severe status (``PovertyStatus/severity``: exclusion errors cost more than inclusion errors); with one
///   assessment, that one; with none, the baseline; with neither, none (the household is "unassessed").
/// - **Graduation**: a `household.graduated` event from a cluster counts as that cluster's latest assessment
///   being `graduated`, dated `graduatedOn` (a later assessment by the same cluster replaces it, as any later
///   assessment does). So the consensus is `graduated` only when most clusters say so; graduated is the least
///   severe status, so a tie with any other status goes to the other status. One cluster graduating a
///   household that another still calls SM leaves it SM, in conflict, until the clusters agree.
/// - **Conflict**: two clusters' latest assessments differ.
/// - **Gap**: consensus SM or M with no active social-aid enrolment, or SM with no active enrolment at all.
///   The second case lies inside the first, so a gap is simply SM or M without social aid; ``isUncovered``
///   tells the worse case apart for listings.
public enum ConsensusRule {
    /// The consensus of `latest` (one status per cluster that assessed the household), or `baseline` when
    /// no cluster has.
    public static func consensus(of latest: [PovertyStatus], baseline: PovertyStatus?) -> PovertyStatus? {
        guard !latest.isEmpty else { return baseline }
        var votes: [PovertyStatus: Int] = [:]
        for status in latest { votes[status, default: 0] += 1 }
        return votes.max { lhs, rhs in
            lhs.value != rhs.value ? lhs.value < rhs.value : lhs.key.severity < rhs.key.severity
        }?.key
    }

    /// True when two of the latest assessments differ.
    public static func hasConflict(_ latest: [PovertyStatus]) -> Bool {
        guard let first = latest.first else { return false }
        return latest.contains { $0 != first }
    }

    /// True when a household with this consensus and these covering clusters is a gap.
    public static func isGap(consensus: PovertyStatus?, coveredBy clusters: Set<Cluster>) -> Bool {
        (consensus == .sangatMiskin || consensus == .miskin) && !clusters.contains(.socialAid)
    }

    /// True for the worse kind of gap: consensus SM and no active enrolment in any cluster.
    public static func isUncovered(consensus: PovertyStatus?, coveredBy clusters: Set<Cluster>) -> Bool {
        consensus == .sangatMiskin && clusters.isEmpty
    }
}
