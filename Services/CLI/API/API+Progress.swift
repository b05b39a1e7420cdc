import EntasDomain

extension API {
    /// `GET /v1/progress`: households by consensus status at the end of each month.
    struct ProgressReport: Sendable, Hashable, Codable {
        var region: RegionSummary
        /// `YYYY-MM`.
        var from: String
        var to: String
        var months: [ProgressMonth]
    }

    struct ProgressMonth: Sendable, Hashable, Codable {
        /// `YYYY-MM`.
        var month: String
        var sangatMiskin: Int
        var miskin: Int
        var hampirMiskin: Int
        var tidakMiskin: Int
        var graduated: Int
    }

    /// `GET /v1/strategies`: programme activity per cluster and strategy.
    struct StrategyReport: Sendable, Hashable, Codable {
        var regionCode: RegionCode
        var regionName: String
        var rows: [StrategyRow]
    }

    struct StrategyRow: Sendable, Hashable, Codable {
        var cluster: Cluster
        var strategy: Strategy
        var activeEnrolments: Int
        var enrolmentsStarted: Int
        var deliveries: Int
        var deliveredRupiah: Int64
    }
}
