import Foundation
import GRDB
import Testing

@testable import EntasStore
import EntasTestKit

@Suite("Timestamps written by the hot paths", .english)
struct DatabaseTimestampTests {
    @Test("are the text GRDB writes for the same Date, so rows compare and decode alike")
    func sameTextAsGRDB() {
        var dates = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_796_000_000.123),
            Date(timeIntervalSince1970: 1_796_000_000.9996), Date(timeIntervalSince1970: -1.5),
            Date(timeIntervalSince1970: 253_402_300_799.999), Date(timeIntervalSince1970: -62_135_596_800), Date(timeIntervalSince1970: -2_208_988_800.0004),
            Date(timeIntervalSince1970: -790_310_099.8645), Date(timeIntervalSince1970: -0.0005), Date(timeIntervalSince1970: 0.0005),
            Date(),
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            dates.append(Date(timeIntervalSince1970: Double.random(in: -2_000_000_000...4_000_000_000, using: &generator)))
            // Instants half a millisecond from two neighbours, where rounding conventions part.
            let halves = Int64.random(in: -4_000_000_000_000...8_000_000_000_000, using: &generator) | 1
            dates.append(Date(timeIntervalSince1970: Double(halves) / 2000))
        }
        for date in dates {
            #expect(DatabaseTimestamp.value(date) == date.databaseValue, "\(date.timeIntervalSince1970)")
        }
    }
}
