import EntasDomain

/// A cluster's commitment for one kecamatan of the demo: `POST /v1/commitments` at ``cluster``'s service.
/// Encodes as that route's body; ``bulkLine`` as a line of that service's `POST /v1/bulk`.
public struct DemoCommitment: Sendable, Hashable, Codable {
    /// The committing cluster (its service takes the request).
    public var cluster: Cluster
    /// The kecamatan.
    public var regionCode: RegionCode
    /// The programme year.
    public var period: Period
    public var programme: String
    public var households: Int
    public var deliveries: Int
    /// Rupiah; 0 for a programme delivered in kind (rice, sessions, connections), whose cost the deliveries
    /// do not carry.
    public var budgetRupiah: Int64
    /// Households to graduate from the programme in the period; nil when the commitment promises none.
    public var graduations: Int?
    public var madeOn: CalendarDate

    private enum CodingKeys: String, CodingKey {
        case regionCode, period, programme, households, deliveries, budgetRupiah, graduations, madeOn
    }

    public init(
        cluster: Cluster, regionCode: RegionCode, period: Period, programme: String, households: Int, deliveries: Int,
        budgetRupiah: Int64, graduations: Int? = nil, madeOn: CalendarDate
    ) {
        self.cluster = cluster
        self.regionCode = regionCode
        self.period = period
        self.programme = programme
        self.households = households
        self.deliveries = deliveries
        self.budgetRupiah = budgetRupiah
        self.graduations = graduations
        self.madeOn = madeOn
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let programme = try container.decode(String.self, forKey: .programme)
        guard let cluster = DemoProgrammes.programme(programme)?.cluster else {
            throw DecodingError.dataCorruptedError(forKey: .programme, in: container, debugDescription: "'\(programme)' is not a demo programme")
        }
        self.init(
            cluster: cluster, regionCode: try container.decode(RegionCode.self, forKey: .regionCode),
            period: try container.decode(Period.self, forKey: .period), programme: programme,
            households: try container.decode(Int.self, forKey: .households), deliveries: try container.decode(Int.self, forKey: .deliveries),
            budgetRupiah: try container.decode(Int64.self, forKey: .budgetRupiah),
            graduations: try container.decodeIfPresent(Int.self, forKey: .graduations), madeOn: try container.decode(CalendarDate.self, forKey: .madeOn))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(regionCode, forKey: .regionCode)
        try container.encode(period, forKey: .period)
        try container.encode(programme, forKey: .programme)
        try container.encode(households, forKey: .households)
        try container.encode(deliveries, forKey: .deliveries)
        try container.encode(budgetRupiah, forKey: .budgetRupiah)
        try container.encodeIfPresent(graduations, forKey: .graduations)
        try container.encode(madeOn, forKey: .madeOn)
    }

    /// This commitment as a `commitment` line of `POST /v1/bulk` at ``cluster``'s service.
    public var bulkLine: BulkLine { BulkLine(commitment: self) }

    /// Encodes as the commitment's fields with `"kind": "commitment"` and the `"cluster"` it is for, so a line
    /// sent to another cluster's service is refused there.
    public struct BulkLine: Sendable, Encodable {
        public var commitment: DemoCommitment

        private enum CodingKeys: String, CodingKey {
            case kind, cluster
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("commitment", forKey: .kind)
            try container.encode(commitment.cluster, forKey: .cluster)
            try commitment.encode(to: encoder)
        }
    }
}
