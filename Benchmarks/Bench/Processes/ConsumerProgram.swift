import EntasDev
import Foundation

/// A stand-alone consumer (the C limit or the Python peer): it joins a consumer group of its
/// own on the bench's broker, upserts a row per event keyed by household into a fresh SQLite
/// file, and prints one JSON line with what it applied and how long it took.
struct ConsumerProgram: Sendable {
    /// For the table: "C limit", "Python peer".
    let name: String
    /// A short name for files and the consumer group: "limit", "peer".
    let slug: String
    /// The program and the arguments that come before the bench's (the script, for Python).
    let executable: URL
    let leadingArguments: [String]

    /// What the program printed.
    struct Answer: Decodable, Sendable {
        var applied: Int
        var households: Int
        var events: Int
        var seconds: Double
    }

    /// Runs the program against `bootstrapServers` until it has applied `expected` events of
    /// `households` households, and checks that it did.
    func run(bootstrapServers: String, topics: [String], expected: Int, households: Int, directory: URL) async throws -> Throughput {
        let database = directory.appendingPathComponent("\(slug).sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        var arguments = leadingArguments + [
            "--bootstrap", bootstrapServers, "--group", "entas-bench-\(slug)", "--topics", topics.joined(separator: ","),
            "--database", database, "--expected", "\(expected)", "--batch", "1000",
        ]
        for (property, value) in BenchBroker.consumerProperties.sorted(by: { $0.key < $1.key }) {
            arguments += ["-X", "\(property)=\(value)"]
        }
        let log = directory.appendingPathComponent("\(slug).log")
        try? FileManager.default.removeItem(at: log)
        let program = try ChildProcess(name: name, executable: executable, arguments: arguments, log: log)
        try program.start()
        let status = try await program.finished(timeout: .seconds(3_600))
        let output = program.output
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
            let answer = try? JSONDecoder().decode(Answer.self, from: Data(line.utf8))
        else { throw BenchError.unreadableOutput(name: name, output: output) }
        guard answer.applied == expected, answer.events == expected else {
            throw BenchError.countMismatch(consumer: name, what: "events", expected: expected, got: min(answer.applied, answer.events))
        }
        guard answer.households == households else {
            throw BenchError.countMismatch(consumer: name, what: "households", expected: households, got: answer.households)
        }
        guard status == 0 else { throw BenchError.childFailed(name: name, status: status, log: program.log.path) }
        return Throughput(events: answer.applied, seconds: answer.seconds)
    }
}
