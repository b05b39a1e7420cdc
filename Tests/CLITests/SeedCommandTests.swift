import Foundation
import Testing

@testable import CLI
import EntasTestKit

@Suite("entas seed", .english)
struct SeedCommandTests {
    @Test("writes Sumberjambe's households as the import CSV, the same for the same seed")
    func writesCSV() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entas-seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var outputs: [String] = []
        for name in ["a.csv", "b.csv"] {
            let path = directory.appendingPathComponent(name).path
            let command = try SeedCommand.parse(["--extra-households", "0", "--output", path])
            try await command.run()
            outputs.append(try String(contentsOfFile: path, encoding: .utf8))
        }
        let lines = outputs[0].split(separator: "\n")
        #expect(lines.first == "kkNumber,headNIK,headName,address,desaCode,memberCount,criteriaMet,baselineStatus")
        #expect(lines.count == 1 + 12_827)
        #expect(lines.filter { $0.hasSuffix(",SM") }.count == 1_485)
        #expect(outputs[0] == outputs[1])
    }

    @Test("a negative number of extra households is refused")
    func badCount() {
        #expect(throws: (any Error).self) { try SeedCommand.parse(["--extra-households", "-5"]) }
    }
}
