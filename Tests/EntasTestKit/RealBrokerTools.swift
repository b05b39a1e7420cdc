import Foundation

/// What the real-broker suite runs beside the executables, as `make setup-kafka` installs it
/// under `.build-tools/`: the Tansu binary, the folder of a librdkafka >= 2.2 to load (empty when
/// the system's is that new) and a Python with kafka-python. `make real-broker` passes their
/// paths (`ENTAS_TANSU`, `ENTAS_LIBRDKAFKA_DIR`, `ENTAS_PYTHON`); without them the suite looks in
/// this checkout's `.build-tools/`.
public struct RealBrokerTools: Sendable {
    public let tansu: URL
    public let librdkafkaDirectory: URL
    public let python: URL

    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }

    public static func located(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> RealBrokerTools {
        // Tests/EntasTestKit/RealBrokerTools.swift → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let tools = root.appendingPathComponent(".build-tools")
        func path(_ variable: String, default relative: String) -> URL {
            environment[variable].map { URL(fileURLWithPath: $0) } ?? tools.appendingPathComponent(relative)
        }
        let located = RealBrokerTools(
            tansu: path("ENTAS_TANSU", default: "kafka/bin/tansu"),
            librdkafkaDirectory: path("ENTAS_LIBRDKAFKA_DIR", default: "kafka/lib"),
            python: path("ENTAS_PYTHON", default: "venv/bin/python"))
        for (what, url) in [("Tansu", located.tansu), ("Python", located.python)]
        where !FileManager.default.isExecutableFile(atPath: url.path) {
            throw Missing(description: "\(what) is not at \(url.path): run `make setup-kafka` (or `make real-broker`) first")
        }
        guard FileManager.default.fileExists(atPath: located.librdkafkaDirectory.appendingPathComponent(".ready").path) else {
            throw Missing(description: "no librdkafka >= 2.2 was set up in \(located.librdkafkaDirectory.path): run `make setup-kafka` first")
        }
        return located
    }

    /// The environment of a child that must load librdkafka >= 2.2: this one's, with the
    /// folder first on `LD_LIBRARY_PATH`.
    public func environment(_ base: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var environment = base
        let previous = base["LD_LIBRARY_PATH"].map { ":" + $0 } ?? ""
        environment["LD_LIBRARY_PATH"] = librdkafkaDirectory.path + previous
        return environment
    }
}
