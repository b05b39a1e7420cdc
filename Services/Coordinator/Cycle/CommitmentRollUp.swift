import EntasAPI
import EntasDomain

/// How commitments for different regions, periods and programmes add up; the rules the plan and the
/// evaluation share (docs/coordinator.md, "Plan and evaluation").
///
/// - **Within one region**, commitments are statements about the same households: the households (and the
///   graduations, which are households too) are the largest promise among them (a PKH family also gets Rastra;
///   the quarters of a year serve the same families), while deliveries and rupiah, which do add up, are summed.
/// - **Up the regions**, a commitment for a kecamatan and those for its desa are two statements about the same
///   households: a region counts the larger of what was committed for itself and the sum of what was
///   committed for the regions inside it, figure by figure.
/// - **A cap** (the households in need of a region) bounds what a region's commitments can cover there, so a
///   surplus in one desa does not hide a shortfall in its neighbour.
/// - Commitments for regions above the one asked about are not divided among its parts and are left out.
enum CommitmentRollUp {
    /// The figures of commitments made for one region: the largest households and graduations, the summed
    /// deliveries and rupiah.
    static func ownFigures(_ commitments: some Sequence<CommitmentView>) -> CommittedFigures {
        commitments.reduce(into: CommittedFigures()) { figures, commitment in
            figures.households = max(figures.households, commitment.households)
            figures.deliveries += commitment.deliveries
            figures.budgetRupiah += commitment.budgetRupiah
            figures.graduations = max(figures.graduations, commitment.graduations ?? 0)
        }
    }

    /// The figures of `commitments` (all within `root`) at `root` and at every region between `root` and the
    /// regions they name, by the rules above.
    /// - Parameter cap: the most households a region's commitments can count there (its need); nil for none.
    static func rollUp(
        _ commitments: [CommitmentView], to root: RegionCode, cap: (RegionCode) -> Int? = { _ in nil }
    ) -> [RegionCode: CommittedFigures] {
        let own = Dictionary(grouping: commitments.filter { $0.regionCode.isWithin(root) }, by: \.regionCode).mapValues(ownFigures)
        var nodes = Set(own.keys)
        for code in own.keys {
            for ancestor in code.ancestors where ancestor.isWithin(root) { nodes.insert(ancestor) }
        }
        var inside: [RegionCode: CommittedFigures] = [:]
        var result: [RegionCode: CommittedFigures] = [:]
        for node in nodes.sorted(by: { ($0.level, $0) > ($1.level, $1) }) {
            let mine = own[node] ?? CommittedFigures()
            let below = inside[node] ?? CommittedFigures()
            var figures = CommittedFigures(
                households: max(mine.households, below.households), deliveries: max(mine.deliveries, below.deliveries),
                budgetRupiah: max(mine.budgetRupiah, below.budgetRupiah), graduations: max(mine.graduations, below.graduations))
            if let limit = cap(node) { figures.households = min(figures.households, max(limit, 0)) }
            result[node] = figures
            if node != root, let parent = node.parent { inside[parent, default: CommittedFigures()] = inside[parent, default: CommittedFigures()] + figures }
        }
        return result
    }
}
