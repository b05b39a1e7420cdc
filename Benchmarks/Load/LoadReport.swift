import EntasDev
import Foundation

/// The figures of a run as a table: per kind of request and in all, requests/s achieved,
/// latency quantiles (from when each request was due), and errors; then the check.
struct LoadReport {
    let plan: LoadPlan
    let results: LoadPlan.Results
    let check: ServiceUnderLoad.Check

    var text: String {
        var rows: [[String]] = [["request", "sent", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors"]]
        var all = LatencySample()
        for kind in LoadPlan.Kind.allCases {
            guard let sample = results.samples[kind] else { continue }
            all.merge(sample)
            let expected = kind == .register ? 201 : 200
            let errors = (results.statuses[kind] ?? [:]).filter { $0.key != expected }.values.reduce(0, +)
            rows.append(row(kind.rawValue, sample, errors: errors))
        }
        rows.append(row("all", all, errors: results.errors))
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        let lines = rows.map { cells in
            cells.enumerated().map { index, cell in
                index == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0) : String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  ")
        }
        let statuses = results.statuses.flatMap { kind, counts in counts.filter { $0.key != (kind == .register ? 201 : 200) }.map { "\(kind.rawValue): \($0.value)× \($0.key)" } }
        return (["", "Load: \(plan.rate) requests/s asked for \(plan.duration) s; \(results.requests) sent in \(String(format: "%.1f", results.seconds)) s; \(results.late) sent late (over \(plan.maximumInFlight) in flight)"]
            + lines
            + (statuses.isEmpty ? [] : ["errors by status (0 = no answer): " + statuses.joined(separator: ", ")])
            + [
                "nothing lost: \(check.stored) households in the store for \(check.expected) registered (1,000 preloaded); "
                    + "\(check.published) events published, \(check.pending) waiting in the outbox: \(check.passed ? "ok" : "FAILED")"
            ]).joined(separator: "\n")
    }

    private func row(_ name: String, _ sample: LatencySample, errors: Int) -> [String] {
        [
            name, "\(sample.count)", String(format: "%.1f", Double(sample.count) / max(results.seconds, 0.001)),
            String(format: "%.1f", sample.quantile(0.5)), String(format: "%.1f", sample.quantile(0.9)), String(format: "%.1f", sample.quantile(0.99)),
            String(format: "%.1f", sample.maximum), "\(errors)",
        ]
    }
}
