import EntasDomain
import Foundation

/// Item 4: a cluster service (entas-social-aid) importing households through HTTP, and its
/// outbox relay publishing them.
///
/// Ingest: M households imported as CSV, 10,000 rows a request, one request after the other,
/// with the relay and the service's own consumers running: households per second.
/// Relay: with the broker down, M more households are imported, so their events wait in the
/// outbox; then the service is restarted with the broker back and its relay's rate is timed
/// from its first publication to its last (`entas_outbox_published_total`): its capacity on a
/// backlog, not the import's pace.
struct IngestStep: Sendable {
    let context: BenchContext
    let households: Int

    func run() async throws -> [Figure] {
        let layout = TopicLayout(backlog: [.households: 2 * households])
        context.say("4: \(Figure.grouped(households)) households imported at entas-social-aid, then \(Figure.grouped(households)) through the relay")
        let firstChunks = HouseholdCSV.chunks(0..<households, of: 2 * households)
        let secondChunks = HouseholdCSV.chunks(households..<2 * households, of: 2 * households)
        let broker = try BenchBroker(layout: layout, logger: context.logger)
        let service: ServiceProcess
        do {
            service = try await ServiceProcess.start(
                "social-aid", binaries: context.binaries, directory: try context.folder("ingest"), bootstrapServers: broker.bootstrapServers)
        } catch {
            await broker.stop()
            throw error
        }
        do {
            let figures = try await measure(service: service, broker: broker, firstChunks: firstChunks, secondChunks: secondChunks)
            await service.stop()
            await broker.stop()
            return figures
        } catch {
            await service.stop()
            await broker.stop()
            throw error
        }
    }

    private func measure(service: ServiceProcess, broker: BenchBroker, firstChunks: [Data], secondChunks: [Data]) async throws -> [Figure] {
        let importer = ClusterImport(service: service)
        let start = ContinuousClock.now
        let created = try await importer.send(firstChunks)
        let importSeconds = CountWatch.seconds(ContinuousClock.now - start)
        let publishedAtEnd = Int(try await service.metric("entas_outbox_published_total"))
        let ingest = Double(created) / importSeconds
        context.say("   ingest: \(Figure.grouped(Int(ingest))) households/s; \(Figure.grouped(publishedAtEnd)) published by then")
        _ = try await waitForPublished(households, service: service)

        // The second import's events wait in the outbox while the broker is down; the service
        // is then restarted with the broker back, so its relay starts on the whole backlog with
        // a fresh connection (no reconnection back-off in the figure).
        try broker.setBrokersDown(true)
        _ = try await importer.send(secondChunks)
        let publishedBefore = Int(try await service.metric("entas_outbox_published_total"))
        try await service.restart { try broker.setBrokersDown(false) }
        let relay = try await waitForPublished(2 * households - publishedBefore, service: service)
        try await broker.checkRetained(expected: 2 * households)
        context.say("   relay: \(Figure.grouped(Int(relay.perSecond))) events/s")
        return [
            Figure(
                item: "4", figure: "Cluster service CSV import (HTTP)", value: ingest, unit: "households/s", ratio: nil,
                detail: "entas-social-aid, \(Figure.grouped(created)) households in \(firstChunks.count) requests of up to "
                    + "\(Figure.grouped(HouseholdCSV.rowsPerChunk)) rows, one at a time, in \(String(format: "%.2f", importSeconds)) s, "
                    + "relay and consumers running (\(Figure.grouped(publishedAtEnd)) published by the end)",
                target: BenchTarget.atLeast(ingest, BenchTarget.importPerSecond)),
            Figure(
                item: "4", figure: "Outbox relay publish", value: relay.perSecond, unit: "events/s",
                ratio: Figure.ratio(relay.perSecond, ingest) + " import",
                detail: "a backlog of \(Figure.grouped(households)) registrations left in the outbox while the broker was down, "
                    + "published by the restarted service; "
                    + "\(Figure.grouped(relay.events)) published in \(String(format: "%.2f", relay.seconds)) s after the first; "
                    + "the broker holds every event",
                target: BenchTarget.atLeast(relay.perSecond, BenchTarget.relayPerSecond)),
        ]
    }

    /// Waits until the relay has published `target` events in all; the rate from the first
    /// publication seen to the last.
    private func waitForPublished(_ target: Int, service: ServiceProcess) async throws -> Throughput {
        let watch = CountWatch(what: "the outbox relay publishing \(target) events", log: service.program.log.path)
        return try await watch.wait(until: target, check: service.checkRunning) {
            Int(try await service.metric("entas_outbox_published_total"))
        }
    }
}
