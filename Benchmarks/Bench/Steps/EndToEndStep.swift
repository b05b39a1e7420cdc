import EntasDomain
import Foundation

/// Item 5: N households imported at the four cluster services at once (a quarter each, as
/// CSV through HTTP) until the coordinator's overview shows them all: wall seconds from the
/// first request to the overview's count reaching N. Every service and the coordinator run
/// as child processes, as under `entas dev`.
struct EndToEndStep: Sendable {
    let context: BenchContext
    let households: Int

    func run() async throws -> [Figure] {
        context.say("5: \(Figure.grouped(households)) households at the four services until the coordinator's overview shows them")
        let quarter = (households + 3) / 4
        let parts = (0..<4).map { index in 
            HouseholdCSV.chunks(min(index * quarter, households)..<min((index + 1) * quarter, households), of: households)
        }
        let broker = try BenchBroker(layout: TopicLayout(backlog: [.households: households]), logger: context.logger)
        var services: [ServiceProcess] = []
        do {
            let folder = try context.folder("end-to-end")
            for name in ["coordinator"] + ServiceProcess.clusterServices {
                services.append(
                    try await ServiceProcess.start(name, binaries: context.binaries, directory: folder, bootstrapServers: broker.bootstrapServers))
            }
            let figure = try await measure(services: services, parts: parts, broker: broker)
            for service in services { await service.stop() }
            await broker.stop()
            return [figure]
        } catch {
            for service in services { await service.stop() }
            await broker.stop()
            throw error
        }
    }

    private func measure(services: [ServiceProcess], parts: [[Data]], broker: BenchBroker) async throws -> Figure {
        let probe = try CoordinatorProbe(services[0])
        let clusters = Array(services.dropFirst())
        let clock = ContinuousClock()
        let start = clock.now
        let imports = try await withThrowingTaskGroup(of: (String, Int, Double).self) { group in
            for (service, chunks) in zip(clusters, parts) {
                group.addTask {
                    let created = try await ClusterImport(service: service).send(chunks)
                    return (service.service, created, CountWatch.seconds(clock.now - start))
                }
            }
            var results: [(String, Int, Double)] = []
            for try await result in group { results.append(result) }
            return results
        }
        let imported = imports.reduce(0) { $0 + $1.1 }
        guard imported == households else {
            throw BenchError.countMismatch(consumer: "the four imports", what: "households", expected: households, got: imported)
        }
        let importsDone = imports.map(\.2).max() ?? 0
        context.say("   imports done in \(String(format: "%.1f", importsDone)) s")
        try await waitForOverview(probe: probe, services: services)
        let seconds = CountWatch.seconds(clock.now - start)
        try await broker.checkRetained(expected: households)
        context.say("   the overview shows \(Figure.grouped(households)) households after \(String(format: "%.1f", seconds)) s")
        return Figure(
            item: "5", figure: "End to end: 4 services → coordinator overview", value: seconds, unit: "s",
            ratio: nil,
            detail: "\(Figure.grouped(households)) households, a quarter imported at each cluster service concurrently "
                + "(requests of up to \(Figure.grouped(HouseholdCSV.rowsPerChunk)) rows); imports answered after "
                + "\(String(format: "%.1f", importsDone)) s; overview polled every 0.25 s; "
                + String(format: "%.0f households/s end to end", Double(households) / seconds),
            target: BenchTarget.atMost(
                seconds, BenchTarget.endToEndSecondsPerMillion * Double(households) / 1_000_000, unit: "s",
                households == 1_000_000 ? "" : " (120 s per million)"))
    }

    /// Polls the coordinator's overview until it shows every household.
    private func waitForOverview(probe: CoordinatorProbe, services: [ServiceProcess]) async throws {
        let watch = CountWatch(
            what: "the coordinator's overview showing \(households) households", log: probe.coordinator.program.log.path,
            interval: .milliseconds(250))
        _ = try await watch.wait(
            until: households, check: { for service in services { try service.checkRunning() } }, read: probe.overviewHouseholds,
            progress: { context.say("   the overview shows \(Figure.grouped($0)) households") })
    }
}
