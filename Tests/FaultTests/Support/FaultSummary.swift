import Foundation
import Synchronization
import Testing

/// The figures of every check of the run, printed as one table when the suite ends:
/// scenario, broker, events, lost, duplicated (effects counted twice), what else was seen, result.
///
/// With `ENTAS_FAULT_SUMMARY` set to a file, each row is also appended to it (one JSON object a
/// line) and the table shows every row in the file: `make test` runs the fault rows on Tansu
/// and those on the mock in two test processes (each with its librdkafka) and prints one table.
final class FaultSummary: Sendable {
    struct Row: Sendable, Codable {
        var scenario: String
        /// `mock` (librdkafka's embedded cluster), `tansu`, or `-` where no broker takes part.
        var broker: String
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
        _ scenario: String, broker: String = "mock", events: Int, lost: Int = 0, duplicated: Int = 0, note: String = "",
        since start: ContinuousClock.Instant, passed: Bool = true
    ) {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let row = Row(
            scenario: scenario, broker: broker, events: events, lost: lost, duplicated: duplicated, note: note, seconds: seconds,
            passed: passed && lost == 0 && duplicated == 0)
        rows.withLock { $0.append(row) }
        if let file = Self.file, let line = try? JSONEncoder().encode(row), let handle = FileHandle(forUpdatingAtPath: file.path) ?? Self.created(file) {
            handle.seekToEndOfFile()
            handle.write(line + Data("\n".utf8))
            try? handle.close()
        }
        print("fault scenario: \(scenario) [\(broker)]: events \(events), lost \(lost), duplicated \(duplicated), \(String(format: "%.1f s", seconds)), \(row.passed ? "PASS" : "FAIL") \(note)")
    }

    /// `ENTAS_FAULT_SUMMARY`, when set.
    static var file: URL? {
        guard let path = ProcessInfo.processInfo.environment["ENTAS_FAULT_SUMMARY"], !path.isEmpty else { return nil }
        return URL(fileURLWithPath: path)
    }

    private static func created(_ file: URL) -> FileHandle? {
        FileManager.default.createFile(atPath: file.path, contents: nil)
        return FileHandle(forUpdatingAtPath: file.path)
    }

    /// The rows to print: the file's (this run's and earlier processes') or this process's.
    private var allRows: [Row] {
        guard let file = Self.file, let text = try? String(contentsOf: file, encoding: .utf8) else { return rows.withLock { $0 } }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
    }

    var table: String {
        let rows = allRows
        let header = ["scenario", "broker", "events", "lost", "duplicated", "time", "result", "also seen"]
        let cells = rows.map {
            [$0.scenario, $0.broker, "\($0.events)", "\($0.lost)", "\($0.duplicated)", String(format: "%.0f s", $0.seconds), $0.passed ? "PASS" : "FAIL", $0.note]
        }
        let widths = header.indices.map { column in ([header] + cells).map { $0[column].count }.max() ?? 0 }
        func line(_ values: [String]) -> String {
            values.enumerated().map { index, value in
                (2...5).contains(index)
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
