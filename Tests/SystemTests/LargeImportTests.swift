import EntasDev
import EntasTestKit
import Foundation
import Testing

/// A cluster service as a real child process importing a 100,000-row CSV streamed from a
/// file: every row is accounted for, and the service's peak memory stays far below what
/// holding the rows would take.
@Suite("100,000-row import through a real service process", .serialized, .timeLimit(.minutes(10)), .english)
struct LargeImportTests {
    static let rows = 100_000
    /// Rows made invalid on purpose (1-based data row numbers; the header is row 1 of the file).
    static let badRows: Set<Int> = [1, 777, 50_000, 99_999]

    @Test("every row is created or rejected with its row number, and peak memory stays bounded")
    func hundredThousandRows() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entas-import-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("social-aid.sqlite").path
        let csv = directory.appendingPathComponent("households.csv")
        try Self.writeCSV(to: csv)

        let token = try await OneShotCommand.outcome(built: "entas-social-aid", ["token", "create", "--name", "import-test", "--database", database]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let port = try LoopbackPort.consecutive(1)
        let service = try ChildProcess.started(
            executable: ChildProcess.builtExecutables.appendingPathComponent("entas-social-aid"), arguments: ["serve"],
            environment: ProcessInfo.processInfo.environment.merging([
                "ENTAS_DATABASE": database, "ENTAS_HTTP_HOST": "127.0.0.1", "ENTAS_HTTP_PORT": "\(port)", "ENTAS_LOG_LEVEL": "error",
                // No broker: the rows wait in the outbox, which is what this test is not about.
                "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:9",
            ]) { $1 },
            log: directory.appendingPathComponent("service.log"))
        let base = "http://127.0.0.1:\(port)"
        do {
            try await Self.waitUntilListening(base, service: service)
            try await Self.importAndCheck(csv, at: base, token: token, service: service)
        } catch {
            await service.stop(signal: SIGTERM)
            throw error
        }
        await service.stop(signal: SIGTERM)
    }

    static func importAndCheck(_ csv: URL, at base: String, token: String, service: ChildProcess) async throws {
        let started = ContinuousClock.now
        let answer = try await DevHTTP.send(
            "POST", base + "/v1/households/import", token: token, body: try Data(contentsOf: csv), contentType: "text/csv", timeout: 540)
        let elapsed = ContinuousClock.now - started
        #expect(answer.status == 200, "\(answer.text.prefix(500))")
        let summary = answer.object
        #expect(summary["created"] as? Int == Self.rows - Self.badRows.count)
        #expect(summary["rejected"] as? Int == Self.badRows.count)
        let rejected = (summary["rejections"] as? [[String: Any]] ?? []).compactMap { $0["row"] as? Int }
        #expect(Set(rejected) == Set(Self.badRows.map { $0 + 1 }), "row numbers count the header as row 1")

        let peak = try #require(service.peakResidentBytes, "no VmHWM for the service") / (1024 * 1024)
        print("100,000-row import: \(elapsed), peak RSS of the service \(peak) MB")
        // The rows as parsed registrations alone would be well over 100 MB; the service
        // holds one batch of 500 at a time.
        #expect(peak < 150, "peak RSS \(peak) MB")

        let page = try await DevHTTP.send("GET", base + "/v1/households?limit=1", token: token)
        #expect(page.object["total"] as? Int == Self.rows - Self.badRows.count)
    }

    /// Valid Sumberjambe households, with an invalid KK number on `badRows`.
    static func writeCSV(to url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var chunk = "kkNumber,headNIK,headName,address,desaCode,memberCount,criteriaMet,baselineStatus\n"
        let statuses = ["SM", "M", "HM"]
        for row in 1...rows {
            let kk = badRows.contains(row) ? "35093100000000X\(row % 10)" : String(format: "350931%010d", row)
            let nik = String(format: "350931%02d07%02d%04d", 15 + row / 99_990, 60 + row % 30, row % 9_999 + 1)  // unique: one head, one KK
            chunk += "\(kk),\(nik),Kepala Keluarga \(row),\"Dusun Krajan, RT \(row % 9 + 1)\",35.09.31.\(2001 + row % 9),\(row % 7 + 1),1;2;5,\(statuses[row % 3])\n"
            if chunk.utf8.count > 1 << 16 {
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        try handle.write(contentsOf: Data(chunk.utf8))
    }

    static func waitUntilListening(_ base: String, service: ChildProcess) async throws {
        // Any answer (503 while Kafka is away) means the HTTP server is up.
        try await eventually("the service listening at \(base)", timeout: .seconds(60), every: .milliseconds(200)) {
            guard service.isRunning else { throw EntasDevProcess.Failure(description: "the service exited: \(service.output)") }
            return (try? await DevHTTP.send("GET", base + "/health", timeout: 5)) != nil
        }
    }
}
