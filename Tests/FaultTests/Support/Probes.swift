import EntasDev
import EntasTestKit
import Foundation

/// What the checks read from the running services: metrics, the coordinator's freshness,
/// and scans of files and logs for personal data.
enum Probes {
    /// The sum of a Prometheus counter or gauge over its labels, from `/metrics`.
    static func metric(_ name: String, at url: String) async throws -> Int {
        let answer = try await DevHTTP.send("GET", url + "/metrics", timeout: 10)
        var total = 0.0
        for line in answer.text.split(separator: "\n") where line.hasPrefix(name + "{") || line.hasPrefix(name + " ") {
            if let value = line.split(separator: " ").last.flatMap({ Double($0) }) { total += value }
        }
        return Int(total)
    }

    /// The coordinator's `/v1/freshness`: events applied, total lag, partitions it owns.
    static func freshness(_ system: FaultSystem) async throws -> (applied: Int, lag: Int, partitions: Int) {
        let answer = try await DevHTTP.send("GET", system.url("coordinator") + "/v1/freshness", token: system.token("coordinator"), timeout: 10)
        let object = answer.object
        return ((object["eventsApplied"] as? Int) ?? -1, (object["totalLag"] as? Int) ?? -1, (object["partitions"] as? [Any])?.count ?? 0)
    }

    /// Waits until the coordinator has applied everything published: it owns every
    /// partition of its topics, its lag is 0 and its count the same at two looks a second apart.
    static func coordinatorCaughtUp(_ system: FaultSystem, timeout: Duration = .seconds(300)) async throws {
        var previous = -1
        let partitions = FaultSystem.partitions.filter { $0.key != "entas.dead-letter" }.values.reduce(0, +)
        try await eventually("the coordinator catches up", timeout: timeout, every: .seconds(1)) {
            let now = try await freshness(system)
            defer { previous = now.applied }
            return now.partitions == partitions && now.lag == 0 && now.applied == previous
        }
    }

    /// Places in `files` that hold one of `identifiers` (16-digit KK or NIK numbers) or
    /// `marker` (the word every test name carries): "file: what" for each, never the value.
    static func personalData(in files: [URL], identifiers: Set<String>, marker: String) -> [String] {
        var findings: [String] = []
        let markerBytes = Data(marker.utf8)
        for file in files {
            guard let bytes = FileManager.default.contents(atPath: file.path) else { continue }
            if bytes.range(of: markerBytes) != nil { findings.append("\(file.lastPathComponent): a head's name") }
            var run: [UInt8] = []
            var hits = 0
            func endRun() {
                if run.count == 16, identifiers.contains(String(decoding: run, as: UTF8.self)) { hits += 1 }
                run.removeAll(keepingCapacity: true)
            }
            for byte in bytes {
                if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { run.append(byte) } else if !run.isEmpty { endRun() }
            }
            endRun()
            if hits > 0 { findings.append("\(file.lastPathComponent): \(hits) KK or NIK numbers") }
        }
        return findings
    }

    /// A store file with its WAL, if there is one.
    static func storeFiles(_ path: String) -> [URL] {
        [path, path + "-wal"].filter { FileManager.default.fileExists(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }
}
