import EntasDomain

/// One kecamatan the demo fills with households, and how many of each baseline status it gets.
///
/// Sumberjambe carries the real PPLS 2008 figures (exact counts); the others carry a base household count
/// and the share of each status, so that `entas seed` can scale them.
public struct DemoKecamatan: Sendable, Hashable {
    /// The kecamatan's Kemendagri code, e.g. `35.09.31`.
    public var code: RegionCode
    /// The name, for documentation and progress lines.
    public var name: String
    /// Households at scale 1.
    public var households: Int
    /// The share of Sangat Miskin, Miskin and Hampir Miskin households (summing to 1).
    public var shares: StatusShares

    /// The share of each baseline status among a kecamatan's households.
    public struct StatusShares: Sendable, Hashable {
        /// Sangat Miskin.
        public var sangatMiskin: Double
        /// Miskin.
        public var miskin: Double
        /// Hampir Miskin.
        public var hampirMiskin: Double
    }

    /// Makes a kecamatan entry; `code` must be a valid kecamatan code (the lists below are checked by tests).
    init(_ digits: String, _ name: String, households: Int, sm: Double, m: Double, hm: Double) {
        code = (try? RegionCode(digits)) ?? .eastJava
        self.name = name
        self.households = households
        shares = StatusShares(sangatMiskin: sm, miskin: m, hampirMiskin: hm)
    }

    /// The statuses a baseline can have, in the order counts are kept: SM, M, HM.
    public static let baselineStatuses: [PovertyStatus] = [.sangatMiskin, .miskin, .hampirMiskin]

    /// Kecamatan Sumberjambe, Kabupaten Jember (35.09.31): PPLS 2008 listed 12,827 poor households,
    /// 1,485 Sangat Miskin, 5,574 Miskin and 5,768 Hampir Miskin. These counts are exact at every scale.
    public static let sumberjambe = DemoKecamatan(
        "35.09.31", "Sumberjambe", households: 12_827, sm: 1_485.0 / 12_827, m: 5_574.0 / 12_827, hm: 5_768.0 / 12_827)

    /// Sumberjambe's exact PPLS 2008 counts: SM, M, HM.
    public static let sumberjambeCounts = [1_485, 5_574, 5_768]

    /// The other kecamatan, so a provincial overview has several rows: two in each of Kabupaten Bondowoso
    /// (Sumberjambe's neighbour), Kabupaten Sampang (Madura, the province's poorest) and Kota Surabaya
    /// (urban kelurahan). 2,480 households at scale 1; `scale` multiplies these only. The shares are
    /// illustrative, not PPLS figures: rural Madura poorer, urban Surabaya nearer the line.
    public static let extras: [DemoKecamatan] = [
        DemoKecamatan("35.11.03", "Tlogosari", households: 520, sm: 0.13, m: 0.42, hm: 0.45),
        DemoKecamatan("35.11.18", "Sumberwringin", households: 380, sm: 0.15, m: 0.45, hm: 0.40),
        DemoKecamatan("35.27.05", "Omben", households: 640, sm: 0.20, m: 0.45, hm: 0.35),
        DemoKecamatan("35.27.11", "Sokobanah", households: 460, sm: 0.22, m: 0.43, hm: 0.35),
        DemoKecamatan("35.78.16", "Semampir", households: 300, sm: 0.08, m: 0.37, hm: 0.55),
        DemoKecamatan("35.78.29", "Bulak", households: 180, sm: 0.06, m: 0.34, hm: 0.60),
    ]

    /// Extra households at scale 1: the sum of ``extras`` (2,480).
    public static let extraHouseholdsAtScaleOne = extras.reduce(0) { $0 + $1.households }

    /// The most extra households a plan accepts (larger requests are capped), so that KK and NIK sequence
    /// numbers stay within four digits.
    public static let maximumExtraHouseholds = 50_000_000
}
