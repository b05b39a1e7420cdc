import ArgumentParser
import EntasDemo
import EntasDomain
import EntasService
import Foundation

/// `entas seed`: the demo generator for larger loads. Writes households as the import CSV
/// (streamed, so a million rows need little memory), and optionally the programme cycle's
/// actions as JSON Lines; `entas import FILE --service social-aid` then loads the CSV.
struct SeedCommand: AsyncParsableCommand, LanguageChoosing {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "seed",
            abstract: Message("clihelp.seed.abstract").rendered(),
            discussion: Message("clihelp.seed.discussion").rendered())
    }

    @Option(help: Message("clihelp.seed.seed").help)
    var seed: UInt64 = DemoPlan.defaultSeed

    @Option(help: Message("clihelp.seed.extra").help)
    var extraHouseholds: Int = DemoKecamatan.extraHouseholdsAtScaleOne

    @Option(help: Message("clihelp.seed.output").help)
    var output: String?

    @Option(help: Message("clihelp.seed.actions").help)
    var actions: String?

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        try inChosenLanguage {
            guard (0...DemoKecamatan.maximumExtraHouseholds).contains(extraHouseholds) else {
                throw ValidationError(
                    Message("cli.validation.extraHouseholds", .text(String(DemoKecamatan.maximumExtraHouseholds)), .text(String(extraHouseholds))))
            }
        }
    }

    func run() async throws {
        try await inChosenLanguage { try await seed() }
    }

    private func seed() async throws {
        let plan = DemoPlan()
        let households = plan.households(seed: seed, extraHouseholds: extraHouseholds)
        let sink = try Self.open(output)
        var written = 0
        for chunk in DemoCSVChunks(households: households, rowsPerChunk: 10_000) {
            sink.write(Data(chunk.utf8))
            written = min(written + 10_000, households.count)
            if output != nil { Console.errorRaw("\r" + Message("cli.seed.households", .count(written), .count(households.count)).rendered()) }
        }
        if output != nil { Console.error("") }
        if let actions {
            let file = try Self.open(actions)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            var count = 0
            for phase in DemoPhase.allCases {
                for action in plan.actions(for: households, in: phase) {
                    file.write(try encoder.encode(action) + Data("\n".utf8))
                    count += 1
                }
            }
            Console.error(Message("cli.seed.actions", .count(count), .text(actions)).rendered())
        }
    }

    static func open(_ path: String?) throws -> FileHandle {
        guard let path else { return FileHandle.standardOutput }
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw ValidationError(Message("cli.seed.cannotWrite", .text(path)))
        }
        return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }
}
