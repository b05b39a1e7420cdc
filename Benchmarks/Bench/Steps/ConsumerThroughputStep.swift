import EntasDomain
import Foundation

/// Items 1–3: the same N household events, published once, consumed by the C limit, the
/// Python peer and the real coordinator, each a child process with a fresh store and a
/// consumer group of its own; events per second from the first message to the last applied.
struct ConsumerThroughputStep: Sendable {
    let context: BenchContext
    let events: Int

    func run() async throws -> [Figure] {
        let stream = EventStream(mix: .cycle, limit: events)
        let census = stream.census()
        guard census.total == events else {
            throw BenchError.countMismatch(consumer: "the demo generator", what: "events", expected: events, got: census.total)
        }
        let layout = TopicLayout(backlog: census.events)
        context.say("1–3: \(Figure.grouped(events)) events of \(Figure.grouped(census.households)) households; partitions: \(layout)")
        let broker = try BenchBroker(layout: layout, logger: context.logger)
        do {
            let figures = try await measure(stream: stream, census: census, broker: broker)
            await broker.stop()
            return figures
        } catch {
            await broker.stop()
            throw error
        }
    }

    private func measure(stream: EventStream, census: EventStream.Census, broker: BenchBroker) async throws -> [Figure] {
        let publishStart = ContinuousClock.now
        let published = try await broker.publish(stream) { count in
            if count % 100_000 == 0 { context.say("   published \(Figure.grouped(count))") }
        }
        try await broker.checkRetained(expected: published)
        context.say("   published \(Figure.grouped(published)) events in \(Self.seconds(since: publishStart)); the broker holds them all")

        let folder = try context.folder("throughput")
        let topics = TopicLayout.consumed.map(\.rawValue)
        let limit = try await context.limit.run(
            bootstrapServers: broker.bootstrapServers, topics: topics, expected: events, households: census.households, directory: folder)
        context.say("   C limit: \(Figure.grouped(Int(limit.perSecond))) events/s")
        let peer = try await context.peer.run(
            bootstrapServers: broker.bootstrapServers, topics: topics, expected: events, households: census.households, directory: folder)
        context.say("   Python peer: \(Figure.grouped(Int(peer.perSecond))) events/s")
        let (coordinator, peakBytes, stages) = try await coordinatorThroughput(broker: broker, census: census, folder: folder)
        context.say("   coordinator: \(Figure.grouped(Int(coordinator.perSecond))) events/s")

        let counts = "\(Figure.grouped(events)) events, \(Figure.grouped(census.households)) households"
        return [
            Figure(
                item: "1", figure: "C limit: librdkafka + SQLite upsert", value: limit.perSecond, unit: "events/s", ratio: nil,
                detail: "\(counts); first message to last commit, \(String(format: "%.2f", limit.seconds)) s; batches of 1,000"),
            Figure(
                item: "2", figure: "Python peer: confluent-kafka + sqlite3", value: peer.perSecond, unit: "events/s",
                ratio: Figure.ratio(peer.perSecond, limit.perSecond) + " C limit",
                detail: "\(counts); first message to last commit, \(String(format: "%.2f", peer.seconds)) s; batches of 1,000"),
            Figure(
                item: "3", figure: "Coordinator into its read model", value: coordinator.perSecond, unit: "events/s",
                ratio: Figure.ratio(coordinator.perSecond, limit.perSecond) + " C limit, "
                    + Figure.ratio(coordinator.perSecond, peer.perSecond) + " Python peer",
                detail: "\(counts); \(Figure.grouped(coordinator.events)) applied in \(String(format: "%.2f", coordinator.seconds)) s "
                    + "after the first; \(stages.text(events: coordinator.events)); peak RSS \(peakBytes / 1_048_576) MB; "
                    + "counts checked through /v1/freshness and /v1/overview",
                target: BenchTarget.atLeast(
                    coordinator.perSecond, limit.perSecond * BenchTarget.coordinatorShareOfLimit, " (⅓ C limit)")),
        ]
    }

    /// The coordinator on a fresh store: its rate, its peak resident memory meanwhile, and how long its subscription's
    /// two stages worked.
    private func coordinatorThroughput(
        broker: BenchBroker, census: EventStream.Census, folder: URL
    ) async throws -> (Throughput, Int, StageSeconds) {
        let coordinator = try await ServiceProcess.start(
            "coordinator", binaries: context.binaries, directory: folder, bootstrapServers: broker.bootstrapServers)
        do {
            let probe = try CoordinatorProbe(coordinator)
            let throughput = try await probe.waitForEvents(events) { applied in
                context.say("   coordinator: \(Figure.grouped(applied)) of \(Figure.grouped(events)) applied")
            }
            let peak = coordinator.program.peakResidentBytes ?? 0
            let stages = StageSeconds(
                writing: try await coordinator.metric("entas_subscription_write_seconds_total"),
                decoding: try await coordinator.metric("entas_subscription_decode_seconds_total"))
            let reported = try await probe.reportedEventsApplied()
            guard reported == events else {
                throw BenchError.countMismatch(consumer: "the coordinator", what: "events (/v1/freshness)", expected: events, got: reported)
            }
            let households = try await probe.overviewHouseholds()
            guard households == census.households else {
                throw BenchError.countMismatch(
                    consumer: "the coordinator", what: "households (/v1/overview)", expected: census.households, got: households)
            }
            await coordinator.stop()
            return (throughput, peak, stages)
        } catch {
            await coordinator.stop()
            throw error
        }
    }

    /// The seconds the coordinator's subscription stages worked (its `/metrics`): the writing stage busy all the
    /// time the events were applied means the store's one writer is the bound.
    struct StageSeconds {
        var writing: Double
        var decoding: Double

        func text(events: Int) -> String {
            let perEvent = { (seconds: Double) in events > 0 ? String(format: "%.1f", seconds * 1e6 / Double(events)) : "?" }
            return String(format: "writing stage busy %.2f s", writing) + " (\(perEvent(writing)) µs an event), "
                + String(format: "decoding stage %.2f s", decoding) + " (\(perEvent(decoding)) µs)"
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> String {
        String(format: "%.1f s", CountWatch.seconds(ContinuousClock.now - start))
    }
}
