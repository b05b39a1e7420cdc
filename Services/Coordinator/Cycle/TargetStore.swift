import EntasAPI
import EntasDomain
import EntasService
import Foundation
import GRDB

/// Sets the province's targets: the coordinator's only write that does not come from an event.
struct TargetStore: Sendable {
    let writer: any DatabaseWriter
    let reference: RegionReference

    /// The years a target may be set for.
    static let years = 2000...2100

    /// Replaces the targets of the request's region and year; refused with a problem naming the field.
    func set(_ request: TargetRequest, by holder: String, at now: Date = Date()) async throws -> TargetView {
        guard reference.contains(request.regionCode) else {
            throw ProblemDocument.invalidField("regionCode", RegionCodeError.unknown(request.regionCode).description)
        }
        guard Self.years.contains(request.year) else {
            throw ProblemDocument.invalidField("year", "year \(request.year) is outside \(Self.years.lowerBound)–\(Self.years.upperBound); give the plan year, e.g. 2027")
        }
        if let count = request.smRemaining, count < 0 {
            throw ProblemDocument.invalidField("smRemaining", "smRemaining is a number of households, at least 0 (the province's target is 0), not \(count)")
        }
        if let share = request.socialAidCoverage, !(0...100).contains(share) {
            throw ProblemDocument.invalidField("socialAidCoverage", "socialAidCoverage is a percent from 0 to 100, not \(share)")
        }
        guard request.smRemaining != nil || request.socialAidCoverage != nil else {
            throw ProblemDocument.invalidField("smRemaining", "give smRemaining, socialAidCoverage or both; a target with neither sets nothing")
        }
        let target = Target(
            regionCode: request.regionCode, year: request.year, smRemaining: request.smRemaining,
            socialAidCoverage: request.socialAidCoverage, setBy: holder, setAt: Timestamp(now))
        try await writer.write { db in try target.upsert(db) }
        return TargetView(target, name: reference.region(target.regionCode)?.name ?? target.regionCode.dotted)
    }
}

extension TargetView {
    init(_ target: Target, name: String) {
        self.init(
            regionCode: target.regionCode, regionName: name, year: target.year, smRemaining: target.smRemaining,
            socialAidCoverage: target.socialAidCoverage, setBy: target.setBy, setAt: target.setAt.date)
    }
}
