import EntasAPI
import EntasDomain
import GRDB

extension CoordinatorQueries {
    /// The first and last month in which `region`'s status counts changed, nil before any household: the
    /// span the dashboard's progress chart covers. Reads two ends of the `regionMonth` primary key.
    func monthsWithChanges(in region: RegionCode) async throws -> ClosedRange<CalendarMonth>? {
        try requireRegion(region)
        return try await reader.read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT min(month) AS first, max(month) AS last FROM regionMonth WHERE regionCode = ?",
                arguments: [region])
            guard let first = row?["first"] as CalendarMonth?, let last = row?["last"] as CalendarMonth?, first <= last
            else { return nil }
            return first...last
        }
    }

    /// The years any commitment's period starts in, oldest first: the years the cycle page links to.
    func commitmentYears() async throws -> [Int] {
        try await reader.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT substr(periodStart, 1, 4) FROM commitment ORDER BY 1").compactMap { Int($0) }
        }
    }

    /// The region reference these queries name regions from.
    var regions: RegionReference { reference }
}

extension CalendarMonth {
    /// The month `count` months before this one (January of year 1 at the earliest).
    func monthsBefore(_ count: Int) -> CalendarMonth {
        let index = max(year * 12 + month - 1 - max(count, 0), 12)
        return (try? CalendarMonth(year: index / 12, month: index % 12 + 1)) ?? self
    }
}
