import EntasDemo
import Foundation

/// Demo households as the import CSV of `POST /v1/households/import` (docs/import.md), made
/// before a timed import so generating them is not counted: chunks of `rowsPerChunk` rows,
/// each with the header, as `entas import` sends them.
enum HouseholdCSV {
    static let rowsPerChunk = 10_000

    /// The households with ordinals `range` of a demo of `total` households, in chunks. Take
    /// every part of one import from the same `total`: the demo spreads its households by the
    /// total, so another total gives other households, whose KK numbers may be taken.
    static func chunks(_ range: Range<Int>, of total: Int, seed: UInt64 = DemoPlan.defaultSeed) -> [Data] {
        let households = DemoPlan().households(
            seed: seed, extraHouseholds: Swift.max(0, total - DemoKecamatan.sumberjambe.households))
        var chunks: [Data] = []
        var text = ""
        var rows = 0
        for household in households.prefix(range.upperBound) where household.ordinal >= range.lowerBound {
            if rows == 0 { text = DemoCSV.header + "\n" }
            text += DemoCSV.row(for: household)
            text += "\n"
            rows += 1
            if rows == rowsPerChunk {
                chunks.append(Data(text.utf8))
                rows = 0
            }
        }
        if rows > 0 { chunks.append(Data(text.utf8)) }
        return chunks
    }
}
