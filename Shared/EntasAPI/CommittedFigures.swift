import EntasDomain

/// What commitments promise: households, deliveries, rupiah and graduations.
public struct CommittedFigures: Sendable, Hashable, Codable {
    public var households = 0
    public var deliveries = 0
    public var budgetRupiah: Int64 = 0
    /// Households expected to graduate (0 when no commitment promises any).
    public var graduations = 0

    public init(households: Int = 0, deliveries: Int = 0, budgetRupiah: Int64 = 0, graduations: Int = 0) {
        self.households = households
        self.deliveries = deliveries
        self.budgetRupiah = budgetRupiah
        self.graduations = graduations
    }

    package static func + (lhs: CommittedFigures, rhs: CommittedFigures) -> CommittedFigures {
        CommittedFigures(
            households: lhs.households + rhs.households, deliveries: lhs.deliveries + rhs.deliveries,
            budgetRupiah: lhs.budgetRupiah + rhs.budgetRupiah, graduations: lhs.graduations + rhs.graduations)
    }
}
