import EntasDomain

/// Chooses which of the 14 BPS criteria a household meets, consistent with a status band (12–14 for SM,
/// 9–11 for M, 6–8 for HM, 0–5 for not poor).
///
/// The count is drawn within the band (SM 12/13/14 at 50/35/15%, M 9/10/11 at 40/35/25%, HM 6/7/8 at
/// 35/35/30%, not poor 3/4/5 at 30/35/35%), then the criteria are drawn without replacement by prevalence:
/// firewood cooking, low income, primary schooling at most and little meat are near universal among poor
/// households; no electric lighting is rare (so the electricity programme stays small). Urban kelurahan
/// rarely lack electricity or cook with firewood; small households rarely lack floor space.
enum DemoCriteria {
    /// Relative prevalence of each criterion, in criterion order (1–14).
    static let prevalence: [Double] = [5, 7, 6, 7, 1.5, 4, 9, 9, 8, 5, 7, 9, 9, 8]

    /// The counts a status's band allows and their weights.
    static func countWeights(for status: PovertyStatus) -> (first: Int, weights: [Double]) {
        switch status {
        case .sangatMiskin: (12, [50, 35, 15])
        case .miskin: (9, [40, 35, 25])
        case .hampirMiskin: (6, [35, 35, 30])
        case .tidakMiskin, .graduated: (3, [30, 35, 35])
        }
    }

    /// A count of criteria within `status`'s band.
    static func count(for status: PovertyStatus, using generator: inout SplitMix64) -> Int {
        let (first, weights) = countWeights(for: status)
        return first + generator.index(weights: weights)
    }

    /// The prevalence weights adjusted for a household's members and setting.
    static func weights(memberCount: Int, urban: Bool) -> [Double] {
        // Positions 0 (floor area), 1 (earth floor), 4 (no electricity), 6 (firewood) in criterion order.
        var weights = prevalence
        weights[0] *= memberCount <= 2 ? 0.3 : (memberCount >= 6 ? 1.6 : 1)
        if urban {
            weights[4] *= 0.2
            weights[1] *= 0.5
            weights[6] *= 0.4
        }
        return weights
    }

    /// Every criterion, in number order (cached: `allCases` builds a new array on each call).
    static let all = PovertyCriterion.allCases

    /// `count` distinct criteria drawn by `weights`, sorted by number.
    static func draw(_ count: Int, weights: [Double], using generator: inout SplitMix64) -> [PovertyCriterion] {
        var remaining = weights
        var chosen = Array(repeating: false, count: all.count)
        var drawn = 0
        while drawn < count {
            let index = generator.index(weights: remaining)
            guard index < remaining.count, remaining[index] > 0 else { break }
            chosen[index] = true
            remaining[index] = 0
            drawn += 1
        }
        return all.indices.filter { chosen[$0] }.map { all[$0] }
    }

    /// `criteria` changed so that its count falls in `status`'s band: unchanged when it already does,
    /// else criteria are dropped at random or added by prevalence. Sorted by number.
    static func adjusted(
        _ criteria: [PovertyCriterion], to status: PovertyStatus, using generator: inout SplitMix64
    ) -> [PovertyCriterion] {
        if let band = PovertyClassification.criteriaCounts(for: status), band.contains(criteria.count) {
            return criteria.sorted()
        }
        let target = count(for: status, using: &generator)
        var kept = criteria.sorted()
        while kept.count > target { kept.remove(at: generator.next(below: kept.count)) }
        guard kept.count < target else { return kept }
        let held = Set(kept)
        let missingWeights = all.indices.map { held.contains(all[$0]) ? 0 : prevalence[$0] }
        let added = draw(target - kept.count, weights: missingWeights, using: &generator)
        return (kept + added).sorted()
    }
}
