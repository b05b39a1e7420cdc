import EntasDomain
import Foundation

extension API {
    /// A target as the coordinator answers it (`TargetView`).
    struct Target: Sendable, Hashable, Codable {
        var regionCode: RegionCode
        var regionName: String
        var year: Int
        var smRemaining: Int?
        var socialAidCoverage: Int?
        var setBy: String
        var setAt: Date
    }

    /// `GET /v1/targets`.
    struct TargetList: Sendable, Hashable, Codable {
        var targets: [Target]
    }

    /// `PUT /v1/targets`.
    struct TargetRequest: Sendable, Hashable, Codable {
        var regionCode: RegionCode
        var year: Int
        var smRemaining: Int?
        var socialAidCoverage: Int?
    }
}
