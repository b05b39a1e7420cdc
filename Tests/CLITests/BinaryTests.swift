import Foundation
import Testing
import EntasTestKit

@Suite("The built entas executable", .english)
struct BinaryTests {
    /// The `entas` executable built next to this test bundle (`.build/debug/entas` however the
    /// build directory is called), or nil when it was not built.
    static let executable: URL? = {
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("entas")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("entas")
        return FileManager.default.isExecutableFile(atPath: bundle.path) ? bundle : nil
    }()

    /// Runs `entas arguments`; its status, standard output and standard error. In English (`ENTAS_LANG=en`) unless
    /// `english` is false, when only `environment` chooses the language.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], english: Bool = true
    ) throws -> (status: Int32, out: String, error: String) {
        let executable = try #require(executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let base = english ? ["PATH": "/usr/bin:/bin", "ENTAS_LANG": "en"] : ["PATH": "/usr/bin:/bin"]
        process.environment = base.merging(environment) { $1 }
        let out = Pipe()
        let error = Pipe()
        process.standardOutput = out
        process.standardError = error
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    @Test("an unreachable coordinator fails with the URL and how to start it", .enabled(if: executable != nil))
    func unreachable() throws {
        let result = try Self.run(["overview", "--coordinator", "http://127.0.0.1:1", "--token", "t"])
        #expect(result.status != 0)
        #expect(result.out.isEmpty)
        #expect(result.error.contains("http://127.0.0.1:1") && result.error.contains("make run"))
    }

    @Test("a usage error exits 64 with the expected region format", .enabled(if: executable != nil))
    func usage() throws {
        let result = try Self.run(["overview", "--region", "35-09"], environment: ["ENTAS_TOKEN": "t"])
        #expect(result.status == 64)
        #expect(result.error.contains("35.09.31"))
    }

    @Test("the token comes from ENTAS_TOKEN", .enabled(if: executable != nil))
    func tokenFromEnvironment() throws {
        let without = try Self.run(["gaps"])
        #expect(without.status == 64 && without.error.contains("entas-coordinator token create"))
        let with = try Self.run(["gaps", "--coordinator", "http://127.0.0.1:1"], environment: ["ENTAS_TOKEN": "t"])
        #expect(with.status == 1 && with.error.contains("Cannot reach the coordinator"))
    }
}
