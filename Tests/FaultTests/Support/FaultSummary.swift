import Foundation
import Synchronization
import Testing

/// The figures of every check of the run, printed as one table when the suite ends:
/// scenario, events, lost, duplicated (effects counted twice), what else was seen, result.
final class FaultSummary: Sendable {
    struct Row: Sendable {
        var scenario: String
        var events: Int
        var lost: Int
        var duplicated: Int
        var note: String
        var seconds: Double
        var passed: Bool
    }

    static let shared = FaultSummary()
    private let rows = Mutex<[Row]>([])

    /// Records a row; `passed` is also false when lost or duplicated is not 0.
    func record(
        _ scenario: String, events: Int, lost: Int = 0, duplicated: Int = 0, note: String = "", since start: ContinuousClock.Instant,
        passed: Bool = true
    ) {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let row = Row(scenario: scenario, events: events, lost: lost, duplicated: duplicated, note: note, seconds: seconds, passed: passed && lost == 0 && duplicated == 0)
        rows.withLock { $0.append(row) }
        print("fault scenario: \(scenario): events \(events), lost \(lost), duplicated \(duplicated), \(String(format: "%.1f s", seconds)), \(row.passed ? "PASS" : "FAIL") \(note)")
    }

    var table: String {
        let rows = rows.withLock { $0 }
        let header = ["scenario", "events", "lost", "duplicated", "time", "result", "also seen"]
        let cells = rows.map {
            [$0.scenario, "\($0.events)", "\($0.lost)", "\($0.duplicated)", String(format: "%.0f s", $0.seconds), $0.passed ? "PASS" : "FAIL", $0.note]
        }
        let widths = header.indices.map { column in ([header] + cells).map { $0[column].count }.max() ?? 0 }
        func line(_ values: [String]) -> String {
            values.enumerated().map { index, value in
                index == 1 || index == 2 || index == 3 || index == 4
                    ? String(repeating: " ", count: widths[index] - value.count) + value
                    : value.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: " | ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "-|-")
        return ([line(header), rule] + cells.map(line)).joined(separator: "\n")
    }
}

/// Prints the summary table once the suite it is attached to has run.
struct FaultSummaryTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        defer { print("\nFault summary (make faults)\n" + FaultSummary.shared.table + "\n") }
        try await function()
    }
}

extension Trait where Self == FaultSummaryTrait {
    static var faultSummary: Self { FaultSummaryTrait() }
}

extension Duration {
    /// `12.3 s`.
    var text: String {
        String(format: "%.1f s", Double(components.seconds) + Double(components.attoseconds) / 1e18)
    }
}
