import EntasAPI
import EntasDomain
import GRDB

extension CoordinatorQueries {
    /// The targets set for `region`, the regions above it and the regions inside it, in `year` (every year
    /// when nil), by year then region.
    public func targets(region: RegionCode, year: Int? = nil) async throws -> [TargetView] {
        try requireRegion(region)
        let rows = try await reader.read { db in
            var request = Target.order(Target.Columns.year, Target.Columns.regionCode)
            if let year { request = request.filter(Target.Columns.year == year) }
            return try request.fetchAll(db)
        }
        return rows.filter { $0.regionCode.isWithin(region) || region.isWithin($0.regionCode) }
            .map { TargetView($0, name: name(of: $0.regionCode)) }
    }

    /// The targets that apply to `region` in `year` (its own, else inherited from the regions above it).
    func effectiveTarget(region: RegionCode, year: Int, _ db: Database) throws -> EffectiveTarget {
        let codes = [region] + region.ancestors
        let rows = try Target.filter(codes.contains(Target.Columns.regionCode)).filter(Target.Columns.year == year).fetchAll(db)
        return EffectiveTarget(region: region, year: year, targets: rows)
    }
}
