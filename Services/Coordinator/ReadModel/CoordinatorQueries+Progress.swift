import EntasAPI
import EntasDomain
import EntasStore
import Foundation
import GRDB

extension CoordinatorQueries {
    /// Households of `region` by consensus status at the end of every month from `from` to `to`, with the
    /// region's current totals (baseline included). Counts households where they live now, with their whole
    /// status history; a month without change repeats the month before.
    public func progress(region: RegionCode, from: CalendarMonth, to: CalendarMonth) async throws -> ProgressReport {
        try requireRegion(region)
        guard from <= to else { throw CoordinatorQueryError.invertedMonths(from: from, to: to) }
        let count = from.months(to: to) + 1
        guard count <= Self.maximumMonths else { throw CoordinatorQueryError.tooManyMonths(count: count) }
        let (totals, opening, changes) = try await reader.read { db in
            let totals = try RegionAggregate.fetchOne(db, key: region)?.totals ?? .zero
            var opening: [PovertyStatus: Int] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql:
                    "SELECT status, sum(delta) AS n FROM regionMonth WHERE regionCode = ? AND month < ? GROUP BY status",
                arguments: [region, from])
            while let row = try rows.next() {
                if let status = row["status"] as PovertyStatus? { opening[status] = row["n"] }
            }
            let changes =
                try RegionMonth
                .filter(RegionMonth.Columns.regionCode == region)
                .filter(RegionMonth.Columns.month >= from && RegionMonth.Columns.month <= to)
                .fetchAll(db)
            return (totals, opening, changes)
        }
        var counts = opening
        let byMonth = Dictionary(grouping: changes, by: \.month)
        var months: [ProgressMonth] = []
        months.reserveCapacity(count)
        var month = from
        for _ in 0..<count {
            for change in byMonth[month, default: []] { counts[change.status, default: 0] += change.delta }
            months.append(
                ProgressMonth(
                    month: month, sangatMiskin: counts[.sangatMiskin, default: 0], miskin: counts[.miskin, default: 0],
                    hampirMiskin: counts[.hampirMiskin, default: 0], tidakMiskin: counts[.tidakMiskin, default: 0],
                    graduated: counts[.graduated, default: 0]))
            month = month.next
        }
        return ProgressReport(region: summary(region, totals), from: from, to: to, months: months)
    }

    /// The current commitments for `region` and the regions inside it whose period overlaps `period` (all
    /// periods when nil), by region, period, cluster and programme; each with its earlier revisions.
    /// Commitments of regions above `region` are not included: they are not divided among their parts.
    public func commitments(region: RegionCode, period: Period? = nil) async throws -> [CommitmentView] {
        try requireRegion(region)
        return try await reader.read { db in try currentCommitments(region: region, period: period, db) }
    }

    /// ``commitments(region:period:)`` within the caller's read.
    func currentCommitments(region: RegionCode, period: Period?, _ db: Database) throws -> [CommitmentView] {
        let (inside, arguments) = Self.within(region, column: "regionCode")
        var sql = "SELECT DISTINCT commitmentID FROM commitment WHERE (regionCode = ? OR \(inside))"
        var allArguments: StatementArguments = [region]
        allArguments += arguments
        if let period {
            sql += " AND periodStart <= ? AND periodEnd >= ?"
            allArguments += [period.lastDay.description, period.firstDay.description]
        }
        let ids = try String.fetchAll(db, sql: sql, arguments: allArguments)
        // Every revision of those, so that a commitment revised out of the filter is judged by its latest.
        let revisions = try Commitment.filter(ids.contains(Commitment.Columns.commitmentID)).fetchAll(db)
        let views = Dictionary(grouping: revisions, by: \.commitmentID).values.compactMap { group -> CommitmentView? in
            let ordered = group.sorted { $0.order < $1.order }
            guard let current = ordered.last, current.regionCode.isWithin(region),
                period.map({ current.periodStart <= $0.lastDay && current.periodEnd >= $0.firstDay }) ?? true
            else { return nil }
            return view(current, earlier: ordered.dropLast())
        }
        return views.sorted {
            ($0.regionCode, $0.period, $0.cluster.rawValue, $0.programme, $0.commitmentID.uuidString)
                < ($1.regionCode, $1.period, $1.cluster.rawValue, $1.programme, $1.commitmentID.uuidString)
        }
    }

    private func view(_ current: Commitment, earlier: ArraySlice<Commitment>) -> CommitmentView {
        CommitmentView(
            commitmentID: Self.uuid(current.commitmentID),
            cluster: current.cluster, regionCode: current.regionCode, regionName: name(of: current.regionCode),
            period: current.period, programme: current.programme, strategy: current.strategy,
            households: current.households, deliveries: current.deliveries, budgetRupiah: current.budgetRupiah,
            graduations: current.graduations, madeOn: current.madeOn, revision: earlier.count + 1,
            earlierRevisions: earlier.map {
                CommitmentView.Revision(
                    regionCode: $0.regionCode, period: $0.period, households: $0.households,
                    deliveries: $0.deliveries, budgetRupiah: $0.budgetRupiah, graduations: $0.graduations, madeOn: $0.madeOn)
            })
    }
}
