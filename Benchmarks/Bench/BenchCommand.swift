import ArgumentParser
import Foundation
import Logging

/// `entas-bench`: the figures of `make bench` in one run, each measured against a reference
/// measured in the same run (see docs/performance.md).
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entas-bench",
        abstract: "Throughput, latency and memory of Entas beside a C limit and a Python peer; prints one table.",
        discussion: """
            Hosts an embedded Kafka (librdkafka's mock cluster) in this process and runs every consumer and service as a
            child process against it on loopback: the C limit (Benchmarks/Limit), the Python peer (Benchmarks/Peer), and
            the release executables of Entas on fresh stores. Writes the table as JSON to --output as well.
            """)

    @OptionGroup var sizes: BenchSizes

    @Option(help: "Steps to run, comma-separated: throughput (items 1–3), ingest (4), end-to-end (5), scale (6 and 7).")
    var steps: BenchStepList = BenchStepList(BenchStep.allCases)

    @Option(help: "Where the Entas release executables are (default: beside this one).")
    var binaries: String?

    @Option(help: "The C limit program, built by `make bench`.")
    var limit = ".build/bench/entas-limit"

    @Option(help: "The Python with confluent-kafka, from `make bench`'s virtual environment.")
    var python = ".build-tools/bench-venv/bin/python"

    @Option(help: "The Python peer's script.")
    var peerScript = "Benchmarks/Peer/entas_peer.py"

    @Option(help: "Folder for the run's stores and logs (emptied first).")
    var workDirectory = ".build/bench/run"

    @Option(help: "Where the figures go as JSON.")
    var output = ".build/bench/results.json"

    func validate() throws { try sizes.validate() }

    func run() async throws {
        let sizes = self.sizes.resolved
        let context = try makeContext()
        let hostMemory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        var report = BenchReport(
            date: ISO8601DateFormatter().string(from: Date()), cores: ProcessInfo.processInfo.activeProcessorCount,
            memoryGiB: (hostMemory * 10).rounded() / 10, quick: sizes.quick, events: sizes.events, households: sizes.households)
        context.say("entas-bench: \(steps.steps.map(\.rawValue).joined(separator: ", ")); work folder \(context.directory.path)")
        for step in steps.steps {
            do {
                report.figures += try await run(step, sizes: sizes, context: context)
            } catch let partial as PartialResults {
                report.figures += partial.figures
                context.say("FAILED \(step.rawValue): \(partial)")
                report.failures.append("\(step.rawValue): \(partial)")
            } catch {
                context.say("FAILED \(step.rawValue): \(error)")
                report.failures.append("\(step.rawValue): \(error)")
            }
        }
        print("")
        print(report.table)
        try report.write(to: URL(fileURLWithPath: output))
        print("\nWritten to \(output).")
        if !report.failures.isEmpty { throw ExitCode(1) }
    }

    private func run(_ step: BenchStep, sizes: BenchSizes.Resolved, context: BenchContext) async throws -> [Figure] {
        switch step {
        case .throughput: try await ConsumerThroughputStep(context: context, events: sizes.events).run()
        case .ingest: try await IngestStep(context: context, households: sizes.ingestHouseholds).run()
        case .endToEnd: try await EndToEndStep(context: context, households: sizes.endToEndHouseholds).run()
        case .scale:
            try await ScaleStep(context: context, milestones: sizes.households, httpSamples: sizes.httpSamples, cliSamples: sizes.cliSamples).run()
        }
    }

    private func makeContext() throws -> BenchContext {
        let directory = URL(fileURLWithPath: workDirectory)
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let folder = binaries.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        var logger = Logger(label: "entas-bench")
        logger.logLevel = .critical
        return BenchContext(
            binaries: folder, directory: directory, logger: logger,
            limit: ConsumerProgram(name: "C limit", slug: "limit", executable: URL(fileURLWithPath: limit), leadingArguments: []),
            peer: ConsumerProgram(name: "Python peer", slug: "peer", executable: URL(fileURLWithPath: python), leadingArguments: [peerScript]))
    }
}
