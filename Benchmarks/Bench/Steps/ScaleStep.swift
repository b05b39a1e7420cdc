import EntasDev
import EntasDomain
import Foundation

/// Items 6 and 7: the overview's latency and the coordinator's peak memory as households grow.
///
/// One coordinator on a fresh store is fed registrations (one event per household) while it
/// consumes them, never more than ``maximumLag`` ahead of it (so the broker's per-partition cap
/// is never reached); at each household count of the list the feed pauses until every event is
/// applied and the overview shows them all, then the overview is timed over HTTP and through
/// the CLI, and the coordinator's peak resident memory so far (VmHWM) is read.
struct ScaleStep: Sendable {
    let context: BenchContext
    let milestones: [Int]
    let httpSamples: Int
    let cliSamples: Int

    static let maximumLag = 50_000

    /// What was measured at one household count.
    struct Point: Sendable {
        var households: Int
        var http: LatencySample
        var cli: LatencySample
        var peakBytes: Int
        /// Registrations applied per second on the way there (from the previous count).
        var feedRate: Double
    }

    func run() async throws -> [Figure] {
        guard let largest = milestones.last else { return [] }
        context.say("6–7: a coordinator fed up to \(milestones.map { Figure.grouped($0) }.joined(separator: ", ")) households")
        let broker = try BenchBroker(layout: TopicLayout(backlog: [.households: 2 * Self.maximumLag]), logger: context.logger)
        let folder = try context.folder("scale")
        let coordinator: ServiceProcess
        do {
            coordinator = try await ServiceProcess.start(
                "coordinator", binaries: context.binaries, directory: folder, bootstrapServers: broker.bootstrapServers)
        } catch {
            await broker.stop()
            throw error
        }
        var points: [Point] = []
        do {
            let probe = try CoordinatorProbe(coordinator)
            let timer = OverviewTimer(coordinator: coordinator, cli: context.binaries.appendingPathComponent("entas"), folder: folder)
            var feed = EventStream(mix: .registrations, limit: largest).makeIterator()
            var published = 0
            for milestone in milestones {
                let start = ContinuousClock.now
                let before = published
                published = try await feedUntil(milestone, from: published, events: &feed, broker: broker, probe: probe)
                _ = try await probe.waitForEvents(milestone)
                let feedSeconds = CountWatch.seconds(ContinuousClock.now - start)
                let shown = try await probe.overviewHouseholds()
                guard shown == milestone else {
                    throw BenchError.countMismatch(consumer: "the coordinator", what: "households (/v1/overview)", expected: milestone, got: shown)
                }
                let point = Point(
                    households: milestone, http: try await timer.http(count: httpSamples), cli: try await timer.command(count: cliSamples),
                    peakBytes: coordinator.program.peakResidentBytes ?? 0, feedRate: Double(milestone - before) / feedSeconds)
                context.say(
                    "   \(Figure.grouped(milestone)) households: overview p99 \(String(format: "%.2f", point.http.quantile(0.99))) ms, "
                        + "peak RSS \(point.peakBytes / 1_048_576) MB, fed at \(Figure.grouped(Int(point.feedRate)))/s")
                points.append(point)
            }
        } catch {
            await coordinator.stop()
            await broker.stop()
            throw PartialResults(figures: figures(points), underlying: error)
        }
        await coordinator.stop()
        await broker.stop()
        return figures(points)
    }

    /// Publishes registrations until `target` are out, staying at most ``maximumLag`` ahead of
    /// what the coordinator has applied.
    private func feedUntil(
        _ target: Int, from published: Int, events: inout EventStream.Iterator, broker: BenchBroker, probe: CoordinatorProbe
    ) async throws -> Int {
        var published = published
        var lastReport = ContinuousClock.now
        func report(_ applied: Int) {
            guard ContinuousClock.now - lastReport > .seconds(10) else { return }
            context.say("   \(Figure.grouped(applied)) households applied, \(Figure.grouped(published)) published")
            lastReport = ContinuousClock.now
        }
        while published < target {
            var applied = try probe.eventsApplied()
            while published - applied > Self.maximumLag {
                try probe.coordinator.checkRunning()
                try await Task.sleep(for: .milliseconds(50))
                applied = try probe.eventsApplied()
                report(applied)
            }
            var batch: [EventEnvelope] = []
            while batch.count < BenchBroker.batchSize, published + batch.count < target, let envelope = events.next() {
                batch.append(envelope)
            }
            guard !batch.isEmpty else { break }
            published += try await broker.publish(batch)
            report(applied)
        }
        return published
    }

    /// One row per measure and household count, grouped by measure so the growth reads down
    /// the table; each compared with the smallest count.
    private func figures(_ points: [Point]) -> [Figure] {
        guard let base = points.first else { return [] }
        typealias Measure = (
            item: String, name: String, unit: String, compare: Bool, value: (Point) -> Double, detail: (Point) -> String,
            limit: Double?
        )
        let measures: [Measure] = [
            ("6", "Overview HTTP p50", "ms", false, { $0.http.quantile(0.5) },
             { "\($0.http.count) GET /v1/overview (province by kabupaten/kota), one after the other on loopback" }, nil),
            ("6", "Overview HTTP p99", "ms", true, { $0.http.quantile(0.99) },
             { "the same \($0.http.count) requests; max \(String(format: "%.2f", $0.http.quantile(1))) ms" },
             BenchTarget.overviewP99Milliseconds),
            ("6", "entas overview (CLI) p50", "ms", false, { $0.cli.quantile(0.5) },
             { "\($0.cli.count) runs of the command, process start to exit (the request is a small part)" }, nil),
            ("6", "entas overview (CLI) p99", "ms", true, { $0.cli.quantile(0.99) }, { "the same \($0.cli.count) runs" }, nil),
            ("7", "Coordinator peak RSS", "MB", true, { Double($0.peakBytes) / 1_048_576 },
             { "VmHWM of the coordinator fed registrations since its start; \(Figure.grouped(Int($0.feedRate))) registrations/s applied on the way" },
             BenchTarget.peakMegabytes),
        ]
        return measures.flatMap { measure in
            points.map { point in
                let compared = measure.compare && point.households != base.households
                return Figure(
                    item: measure.item, figure: "\(measure.name), \(Figure.grouped(point.households)) households", value: measure.value(point),
                    unit: measure.unit,
                    ratio: compared ? Figure.ratio(measure.value(point), measure.value(base)) + " of \(Figure.grouped(base.households))" : nil,
                    detail: measure.detail(point),
                    target: measure.limit.map { BenchTarget.atMost(measure.value(point), $0, unit: measure.unit) })
            }
        }
    }
}
