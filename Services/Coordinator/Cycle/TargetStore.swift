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
            throw ProblemDocument.invalidField("regionCode", Message(describing: RegionCodeError.unknown(request.regionCode)))
        }
        guard Self.years.contains(request.year) else {
            throw ProblemDocument.invalidField("year", Message("coordinator.targets.year", .text(String(request.year)), .text(String(Self.years.lowerBound)), .text(String(Self.years.upperBound))))
        }
        if let count = request.smRemaining, count < 0 {
            throw ProblemDocument.invalidField("smRemaining", Message("coordinator.targets.smRemaining", .text(String(count))))
        }
        if let share = request.socialAidCoverage, !(0...100).contains(share) {
            throw ProblemDocument.invalidField("socialAidCoverage", Message("coordinator.targets.coverage", .text(String(share))))
        }
        guard request.smRemaining != nil || request.socialAidCoverage != nil else {
            throw ProblemDocument.invalidField("smRemaining", Message("coordinator.targets.nothing"))
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
