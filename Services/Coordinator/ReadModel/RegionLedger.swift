import EntasDomain
import EntasStore
import GRDB

/// Adds changes to the region tables of one desa and every region above it (kecamatan, kabupaten/kota,
/// province). Only ever adds differences: nothing here counts households.
///
/// It runs for every event, so each change is one cached `UPDATE`; only a region's first change inserts its
/// row (an upsert cannot be used: SQLite checks a row's CHECK constraints before its conflict, and a
/// difference may be negative).
enum RegionLedger {
    /// Adds `totals` (a difference, possibly negative) to `regionAggregate` of `desa` and its ancestors.
    static func add(_ totals: RegionTotals, at desa: RegionCode, _ db: Database) throws {
        guard !totals.isZero else { return }
        let insert = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO regionAggregate (regionCode, level) VALUES (?, ?)")
        let update = try db.cachedStatement(sql: Self.updateAggregateSQL)
        for region in Self.chain(of: desa) {
            var arguments = StatementArguments(totals.values)
            arguments += [region]
            try update.execute(arguments: arguments)
            if db.changesCount == 0 {
                try insert.execute(arguments: [region, region.level.rawValue])
                try update.execute(arguments: arguments)
            }
        }
    }

    /// Adds monthly status changes to `regionMonth` of `desa` and its ancestors.
    static func add(_ months: [MonthStatus: Int], at desa: RegionCode, _ db: Database) throws {
        let upsert = try db.cachedStatement(
            sql: """
                INSERT INTO regionMonth (regionCode, month, status, delta) VALUES (?, ?, ?, ?)
                ON CONFLICT (regionCode, month, status) DO UPDATE SET delta = delta + excluded.delta
                """)
        for (cell, delta) in months.sorted(by: { $0.key < $1.key }) where delta != 0 {
            for region in Self.chain(of: desa) {
                try upsert.execute(arguments: [region, cell.month, cell.status, delta])
            }
        }
    }

    /// Adds strategy counters (differences) per cell to `regionStrategy`. Decreases go first, so no row
    /// passes below zero on the way.
    static func add(_ cells: [StrategyCell: StrategyCounts], _ db: Database) throws {
        let insert = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO regionStrategy (regionCode, cluster, strategy) VALUES (?, ?, ?)")
        let update = try db.cachedStatement(
            sql: """
                UPDATE regionStrategy SET activeEnrolments = activeEnrolments + ?,
                    enrolmentsStarted = enrolmentsStarted + ?, deliveries = deliveries + ?,
                    deliveredRupiah = deliveredRupiah + ?
                WHERE regionCode = ? AND cluster = ? AND strategy = ?
                """)
        let ordered = cells.sorted { Self.cellOrder($0.key) < Self.cellOrder($1.key) }
        for part in [Self.decreases, Self.increases] {
            for (cell, counts) in ordered {
                let change = part(counts)
                guard !change.isZero else { continue }
                for region in Self.chain(of: cell.desaCode) {
                    let arguments: StatementArguments = [
                        change.activeEnrolments, change.enrolmentsStarted, change.deliveries,
                        change.deliveredRupiah, region, cell.cluster, cell.strategy.rawValue,
                    ]
                    try update.execute(arguments: arguments)
                    if db.changesCount == 0 {
                        try insert.execute(arguments: [region, cell.cluster, cell.strategy.rawValue])
                        try update.execute(arguments: arguments)
                    }
                }
            }
        }
    }

    /// `desa`, then the regions above it.
    static func chain(of desa: RegionCode) -> [RegionCode] { [desa] + desa.ancestors.reversed() }

    private static let updateAggregateSQL =
        "UPDATE regionAggregate SET "
        + CoordinatorMigrations.totalsColumns.map { "\($0) = \($0) + ?" }.joined(separator: ", ")
        + " WHERE regionCode = ?"

    private static func cellOrder(_ cell: StrategyCell) -> String {
        "\(cell.desaCode.digits) \(cell.cluster.rawValue) \(cell.strategy.rawValue)"
    }

    private static func decreases(_ counts: StrategyCounts) -> StrategyCounts {
        StrategyCounts(
            activeEnrolments: min(counts.activeEnrolments, 0), enrolmentsStarted: min(counts.enrolmentsStarted, 0),
            deliveries: min(counts.deliveries, 0), deliveredRupiah: min(counts.deliveredRupiah, 0))
    }

    private static func increases(_ counts: StrategyCounts) -> StrategyCounts {
        StrategyCounts(
            activeEnrolments: max(counts.activeEnrolments, 0), enrolmentsStarted: max(counts.enrolmentsStarted, 0),
            deliveries: max(counts.deliveries, 0), deliveredRupiah: max(counts.deliveredRupiah, 0))
    }
}

extension Dictionary where Key == StrategyCell, Value == StrategyCounts {
    /// Adds `other` cell by cell.
    mutating func add(_ other: [StrategyCell: StrategyCounts], negated: Bool = false) {
        for (cell, counts) in other {
            self[cell, default: StrategyCounts()] = self[cell, default: StrategyCounts()] + (negated ? -counts : counts)
        }
    }
}

extension Dictionary where Key == MonthStatus, Value == Int {
    /// `self` minus `other`, without zero entries.
    func subtracting(_ other: [MonthStatus: Int]) -> [MonthStatus: Int] {
        var result = self
        for (cell, delta) in other { result[cell, default: 0] -= delta }
        return result.filter { $0.value != 0 }
    }

    /// Every change with its sign flipped.
    var negated: [MonthStatus: Int] { mapValues { -$0 } }
}
