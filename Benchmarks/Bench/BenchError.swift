/// Why a benchmark stopped instead of printing a figure. Every check that could make a
/// figure dishonest (events lost, counts that differ) throws one of these.
enum BenchError: Error, CustomStringConvertible {
    /// The broker dropped records (the mock's per-partition cap) or holds another count.
    case eventsNotRetained(detail: String)
    /// A consumer applied a different number of events or households than were published.
    case countMismatch(consumer: String, what: String, expected: Int, got: Int)
    /// A child process ended early or failed.
    case childFailed(name: String, status: Int32, log: String)
    /// A service did not answer in time.
    case timedOut(what: String, seconds: Int, log: String?)
    /// An HTTP request was refused or unanswered.
    case http(method: String, path: String, status: Int, body: String)
    /// A child's answer could not be read.
    case unreadableOutput(name: String, output: String)
    /// An event could not be encoded.
    case encoding(String)
    /// A file or program the bench needs is missing.
    case missing(String)

    var description: String {
        switch self {
        case .eventsNotRetained(let detail):
            "the embedded broker did not keep every event (\(detail)); raise the partitions in TopicLayout"
        case .countMismatch(let consumer, let what, let expected, let got):
            "\(consumer) applied \(got) \(what), not \(expected): no figure is given for it"
        case .childFailed(let name, let status, let log):
            "\(name) exited with status \(status); see \(log)"
        case .timedOut(let what, let seconds, let log):
            "\(what) did not happen within \(seconds) s" + (log.map { "; see \($0)" } ?? "")
        case .http(let method, let path, let status, let body):
            "\(method) \(path) answered \(status): \(body.prefix(300))"
        case .unreadableOutput(let name, let output):
            "could not read the answer of \(name): \(output.prefix(300))"
        case .encoding(let reason):
            "an event could not be encoded: \(reason)"
        case .missing(let what):
            "missing: \(what)"
        }
    }
}

/// A step that failed after measuring some of its figures: those are kept, the failure reported.
struct PartialResults: Error, CustomStringConvertible {
    var figures: [Figure]
    var underlying: any Error

    var description: String { "\(underlying) (after \(figures.count) figures were measured)" }
}
