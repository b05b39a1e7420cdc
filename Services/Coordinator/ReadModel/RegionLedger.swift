import EntasAPI
import EntasDomain
import EntasStore
import GRDB

/// The changes a transaction makes to the region tables of desa and every region above them (kecamatan,
/// kabupaten/kota, province), gathered per event and written once, before the transaction commits. Only ever
/// adds differences: nothing here counts households.
///
/// Consecutive events mostly touch the same few desa, so a batch of events writes each region row once
/// instead of once per event and level. Each row gets the batch's net difference, which leaves it at a
/// true count (never below zero), so no row passes through a negative value on the way.
struct RegionLedger {
    private var totals: [RegionCode: RegionTotals] = [:]
    private var months: [RegionCode: [MonthStatus: Int]] = [:]
    private var strategies: [StrategyCell: StrategyCounts] = [:]

    /// True when nothing waits to be written.
    var isEmpty: Bool { totals.isEmpty && months.isEmpty && strategies.isEmpty }

    /// Adds `change` (a difference, possibly negative) to the totals of `desa` and its ancestors.
    mutating func add(_ change: RegionTotals, at desa: RegionCode) {
        guard !change.isZero else { return }
        totals[desa] = totals[desa].map { $0 + change } ?? change
    }

    /// Adds monthly status changes to `desa` and its ancestors.
    mutating func add(_ change: [MonthStatus: Int], at desa: RegionCode) {
        guard !change.isEmpty else { return }
        months[desa, default: [:]].merge(change, uniquingKeysWith: +)
    }

    /// Adds strategy counters (differences) per desa cell.
    mutating func add(_ cells: [StrategyCell: StrategyCounts]) {
        strategies.add(cells)
    }

    /// Writes what was gathered to `regionAggregate`, `regionMonth` and `regionStrategy` (one statement per
    /// changed row; a region's first change inserts its row), and empties the ledger.
    mutating func write(_ db: Database) throws {
        try writeTotals(db)
        try writeMonths(db)
        try writeStrategies(db)
        self = RegionLedger()
    }

    private func writeTotals(_ db: Database) throws {
        var perRegion: [RegionCode: RegionTotals] = [:]
        for (desa, change) in totals {
            for region in Self.chain(of: desa) { perRegion[region] = perRegion[region].map { $0 + change } ?? change }
        }
        // An upsert cannot be used: SQLite checks a row's CHECK constraints before its conflict.
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO regionAggregate (regionCode, level) VALUES (?, ?)")
        let update = try db.cachedStatement(sql: Self.updateAggregateSQL)
        for (region, change) in perRegion.sorted(by: { $0.key < $1.key }) where !change.isZero {
            var arguments = StatementArguments(change.values)
            arguments += [region]
            try update.execute(arguments: arguments)
            if db.changesCount == 0 {
                try insert.execute(arguments: [region, region.level.rawValue])
                try update.execute(arguments: arguments)
            }
        }
    }

    private func writeMonths(_ db: Database) throws {
        var perRegion: [RegionCode: [MonthStatus: Int]] = [:]
        for (desa, change) in months {
            for region in Self.chain(of: desa) { perRegion[region, default: [:]].merge(change, uniquingKeysWith: +) }
        }
        let upsert = try db.cachedStatement(
            sql: """
                INSERT INTO regionMonth (regionCode, month, status, delta) VALUES (?, ?, ?, ?)
                ON CONFLICT (regionCode, month, status) DO UPDATE SET delta = delta + excluded.delta
                """)
        for (region, cells) in perRegion.sorted(by: { $0.key < $1.key }) {
            for (cell, delta) in cells.sorted(by: { $0.key < $1.key }) where delta != 0 {
                try upsert.execute(arguments: [region, cell.month, cell.status, delta])
            }
        }
    }

    private func writeStrategies(_ db: Database) throws {
        var perRegion: [StrategyCell: StrategyCounts] = [:]
        for (cell, change) in strategies where !change.isZero {
            for region in Self.chain(of: cell.desaCode) {
                var regionCell = cell
                regionCell.desaCode = region
                perRegion[regionCell] = perRegion[regionCell].map { $0 + change } ?? change
            }
        }
        let insert = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO regionStrategy (regionCode, cluster, strategy) VALUES (?, ?, ?)")
        let update = try db.cachedStatement(
            sql: """
                UPDATE regionStrategy SET activeEnrolments = activeEnrolments + ?,
                    enrolmentsStarted = enrolmentsStarted + ?, deliveries = deliveries + ?,
                    deliveredRupiah = deliveredRupiah + ?, activePeople = activePeople + ?
                WHERE regionCode = ? AND cluster = ? AND strategy = ?
                """)
        for (cell, change) in perRegion.sorted(by: { Self.cellOrder($0.key) < Self.cellOrder($1.key) }) where !change.isZero {
            let arguments: StatementArguments = [
                change.activeEnrolments, change.enrolmentsStarted, change.deliveries, change.deliveredRupiah, change.activePeople,
                cell.desaCode, cell.cluster, cell.strategy.rawValue,
            ]
            try update.execute(arguments: arguments)
            if db.changesCount == 0 {
                try insert.execute(arguments: [cell.desaCode, cell.cluster, cell.strategy.rawValue])
                try update.execute(arguments: arguments)
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
