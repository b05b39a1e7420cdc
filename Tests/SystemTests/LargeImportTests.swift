import EntasDev
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A cluster service as a real child process importing a 100,000-row CSV streamed from a
/// file: every row is accounted for, and the service's peak memory stays far below what
/// holding the rows would take.
@Suite("100,000-row import through a real service process", .serialized, .timeLimit(.minutes(10)))
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

        let token = try EntasDevProcess.run("entas-social-aid", ["token", "create", "--name", "import-test", "--database", database]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let port = try LoopbackPort.consecutive(1)
        let service = Process()
        service.executableURL = EntasDevProcess.binaries.appendingPathComponent("entas-social-aid")
        service.arguments = ["serve"]
        service.environment = ProcessInfo.processInfo.environment.merging([
            "ENTAS_DATABASE": database, "ENTAS_HTTP_HOST": "127.0.0.1", "ENTAS_HTTP_PORT": "\(port)", "ENTAS_LOG_LEVEL": "error",
            // No broker: the rows wait in the outbox, which is what this test is not about.
            "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:9",
        ]) { $1 }
        let log = directory.appendingPathComponent("service.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        service.standardOutput = try FileHandle(forWritingTo: log)
        service.standardError = try FileHandle(forWritingTo: log)
        try service.run()
        defer {
            service.terminate()
            service.waitUntilExit()
        }
        let base = try #require(URL(string: "http://127.0.0.1:\(port)"))
        try await Self.waitUntilListening(base, service: service, log: log)

        var request = URLRequest(url: base.appendingPathComponent("v1/households/import"))
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("text/csv", forHTTPHeaderField: "Content-Type")
        request.timeoutInterval = 540
        let started = ContinuousClock.now
        let (body, response) = try await URLSession.shared.upload(for: request, fromFile: csv)
        let elapsed = ContinuousClock.now - started
        #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(String(decoding: body, as: UTF8.self).prefix(500))")
        let summary = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(summary["created"] as? Int == Self.rows - Self.badRows.count)
        #expect(summary["rejected"] as? Int == Self.badRows.count)
        let rejected = (summary["rejections"] as? [[String: Any]] ?? []).compactMap { $0["row"] as? Int }
        #expect(Set(rejected) == Set(Self.badRows.map { $0 + 1 }), "row numbers count the header as row 1")

        let peak = try Self.peakResidentMegabytes(of: service.processIdentifier)
        print("100,000-row import: \(elapsed), peak RSS of the service \(peak) MB")
        // The rows as parsed registrations alone would be well over 100 MB; the service
        // holds one batch of 500 at a time.
        #expect(peak < 150, "peak RSS \(peak) MB")

        var list = URLRequest(url: base.appendingPathComponent("v1/households").appending(queryItems: [URLQueryItem(name: "limit", value: "1")]))
        list.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (page, _) = try await URLSession.shared.data(for: list)
        #expect((try JSONSerialization.jsonObject(with: page) as? [String: Any])?["total"] as? Int == Self.rows - Self.badRows.count)
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
            let nik = String(format: "3509311507%02d%04d", 60 + row % 30, row % 9_999 + 1)
            chunk += "\(kk),\(nik),Kepala Keluarga \(row),\"Dusun Krajan, RT \(row % 9 + 1)\",35.09.31.\(2001 + row % 9),\(row % 7 + 1),1;2;5,\(statuses[row % 3])\n"
            if chunk.utf8.count > 1 << 16 {
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        try handle.write(contentsOf: Data(chunk.utf8))
    }

    static func waitUntilListening(_ base: URL, service: Process, log: URL) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            guard service.isRunning else {
                throw EntasDevProcess.Failure(description: "the service exited: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
            }
            // Any answer (503 while Kafka is away) means the HTTP server is up.
            if (try? await URLSession.shared.data(from: base.appendingPathComponent("health"))) != nil { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw EntasDevProcess.Failure(description: "the service did not listen within 60 s")
    }

    /// VmHWM: the most memory the process has had resident.
    static func peakResidentMegabytes(of pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { throw EntasDevProcess.Failure(description: "no VmHWM in /proc/\(pid)/status") }
        return kilobytes / 1024
    }
}
