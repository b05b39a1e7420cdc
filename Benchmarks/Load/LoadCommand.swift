import ArgumentParser
import Foundation

/// `entas-load`: registrations and reads against one cluster service at a fixed rate, on
/// loopback, with the service as a child process on an embedded broker (what `make load` runs).
@main
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entas-load",
        abstract: "Registrations and reads against entas-social-aid at a fixed rate; prints requests/s, p50/p99 latency and errors.",
        discussion: """
            Starts an embedded Kafka in this process and entas-social-aid as a child process on a fresh store, then sends
            requests on a fixed schedule (open loop: a late answer does not delay the next request, and latency counts from
            the moment a request was due). Half are registrations of new households (POST /v1/households), half reads of one
            household registered earlier (GET /v1/households/{kk}) or of a page of the list. At the end it checks that every
            registration answered 201 is in the store and was published to Kafka.
            """)

    @Option(help: "Requests per second, registrations and reads together.")
    var rate = 200

    @Option(help: "Seconds of load.")
    var duration = 60

    @Option(help: "Share of reads, 0 to 1.")
    var reads = 0.5

    @Option(help: "Requests in flight at most; a request due when this many are waiting is counted late and sent when one returns.")
    var maximumInFlight = 256

    @Option(help: "Where the Entas executables are (default: beside this one).")
    var binaries: String?

    func validate() throws {
        guard rate >= 1, duration >= 1, (0...1).contains(reads), maximumInFlight >= 1 else {
            throw ValidationError("--rate and --duration must be at least 1, --reads from 0 to 1, --maximum-in-flight at least 1.")
        }
    }

    func run() async throws {
        let folder = binaries.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let service = try await ServiceUnderLoad.start(binaries: folder)
        do {
            print("entas-load: \(rate) requests/s for \(duration) s against entas-social-aid (\(Int(reads * 100)) % reads), on \(service.url)")
            let plan = LoadPlan(rate: rate, duration: duration, readShare: reads, maximumInFlight: maximumInFlight)
            let results = await plan.run(against: service)
            let check = try await service.check(registered: results.registered)
            print(LoadReport(plan: plan, results: results, check: check).text)
            await service.stop()
            if results.errors > 0 || !check.passed { throw ExitCode(1) }
        } catch {
            await service.stop()
            throw error
        }
    }
}
