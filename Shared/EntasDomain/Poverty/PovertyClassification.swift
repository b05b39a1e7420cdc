/// Derives a status from the number of BPS criteria a household meets, with Entas's own banding
/// (`Resources/poverty-criteria.md`, "What Entas will use"): 12–14 Sangat Miskin, 9–11 Miskin,
/// 6–8 Hampir Miskin, 0–5 Tidak Miskin.
///
/// This is a planning approximation, not BPS's proxy-means test. A status a cluster states (or PPLS 2008
/// gave) is stored as stated, never replaced by this derivation.
public enum PovertyClassification {
    /// The derived status for `criteriaMetCount` criteria met. Counts outside 0–14 are clamped: a negative
    /// count reads as 0 (tidakMiskin), a count over 14 as 14 (sangatMiskin). Callers that must reject such
    /// counts check ``criteriaCountRange`` first. Never returns `.graduated`.
    public static func status(criteriaMetCount: Int) -> PovertyStatus {
        switch min(max(criteriaMetCount, 0), 14) {
        case 12...: .sangatMiskin
        case 9...: .miskin
        case 6...: .hampirMiskin
        default: .tidakMiskin
        }
    }

    /// The derived status for a set of criteria met.
    public static func status(criteriaMet: Set<PovertyCriterion>) -> PovertyStatus {
        status(criteriaMetCount: criteriaMet.count)
    }

    /// The derived status for a list of criteria met, each counted once (counted as bits: every
    /// registration and assessment derives one).
    public static func status(criteriaMet: [PovertyCriterion]) -> PovertyStatus {
        let bits = criteriaMet.reduce(UInt32(0)) { $0 | 1 << $1.number }
        return status(criteriaMetCount: bits.nonzeroBitCount)
    }

    /// The possible counts of criteria met: 0...14.
    public static let criteriaCountRange = 0...14

    /// The counts that give `status` (12...14 for sangatMiskin); nil for `.graduated`, which no count gives.
    public static func criteriaCounts(for status: PovertyStatus) -> ClosedRange<Int>? {
        switch status {
        case .sangatMiskin: 12...14
        case .miskin: 9...11
        case .hampirMiskin: 6...8
        case .tidakMiskin: 0...5
        case .graduated: nil
        }
    }
}
