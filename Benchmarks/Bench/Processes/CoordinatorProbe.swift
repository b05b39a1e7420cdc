import Foundation
import GRDB

/// What the bench reads of a running coordinator: how many events its read model has applied,
/// and how many households its overview shows.
///
/// The count of events applied comes from the coordinator's own store, read-only
/// (`readModelState.eventsApplied`, which `GET /v1/freshness` serves): polling `/v1/freshness`
/// or `/metrics` many times a second would also ask the broker for every partition's watermarks,
/// which on a layout of hundreds of partitions would slow the very consumer being measured. The
/// final counts are then checked through the API.
struct CoordinatorProbe: Sendable {
    let coordinator: ServiceProcess
    private let store: DatabaseQueue

    init(_ coordinator: ServiceProcess) throws {
        self.coordinator = coordinator
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        store = try DatabaseQueue(path: coordinator.databasePath, configuration: configuration)
    }

    /// Events applied so far, from the store.
    func eventsApplied() throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT eventsApplied FROM readModelState WHERE id = 1") ?? 0 }
    }

    private struct Freshness: Decodable { var eventsApplied: Int }
    private struct Overview: Decodable {
        struct Summary: Decodable {
            struct Totals: Decodable { var households: Int }
            var totals: Totals
        }
        var region: Summary
    }

    /// Events applied, as `GET /v1/freshness` reports them.
    func reportedEventsApplied() async throws -> Int {
        try await coordinator.client.get("/v1/freshness", as: Freshness.self).eventsApplied
    }

    /// Households in the province, as `GET /v1/overview` shows them.
    func overviewHouseholds() async throws -> Int {
        try await coordinator.client.get("/v1/overview?depth=0", as: Overview.self).region.totals.households
    }

    /// Waits until `target` events are applied; the rate from the first applied event seen to
    /// the last (events counted between the two observations, read every 20 ms).
    func waitForEvents(_ target: Int, progress: (Int) -> Void = { _ in }) async throws -> Throughput {
        let watch = CountWatch(what: "the coordinator applying \(target) events", log: coordinator.program.log.path, interval: .milliseconds(20))
        return try await watch.wait(until: target, check: coordinator.checkRunning, read: eventsApplied, progress: progress)
    }
}
