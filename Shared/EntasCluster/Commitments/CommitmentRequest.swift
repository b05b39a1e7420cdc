import EntasService
import EntasDomain

/// `POST /v1/commitments`: what the cluster promises for a region (kabupaten/kota, kecamatan or desa, or
/// the province) and a period (a year, a quarter or a month), for one of its programmes.
public struct CommitmentRequest: Codable, Sendable {
    public var regionCode: RegionCode
    public var period: Period
    public var programme: String
    /// The strategy the programme serves; optional, and when given it must be the programme's.
    public var strategy: Strategy?
    /// Households to enrol or serve, at least 0.
    public var households: Int
    /// Deliveries to make, at least 0.
    public var deliveries: Int
    /// Budget in whole rupiah, at least 0.
    public var budgetRupiah: Int64
    /// Households expected to graduate in the period among those served, at least 0; optional.
    public var graduations: Int?
    /// The day the commitment was signed or approved; today (WIB) when absent.
    public var madeOn: CalendarDate?

    public init(
        regionCode: RegionCode, period: Period, programme: String, strategy: Strategy? = nil, households: Int,
        deliveries: Int, budgetRupiah: Int64, graduations: Int? = nil, madeOn: CalendarDate? = nil
    ) {
        self.regionCode = regionCode
        self.period = period
        self.programme = programme
        self.strategy = strategy
        self.households = households
        self.deliveries = deliveries
        self.budgetRupiah = budgetRupiah
        self.graduations = graduations
        self.madeOn = madeOn
    }
}
