import EntasDemo
import EntasDomain
import Foundation

extension DevSystem {
    /// Loads the demo through the services' APIs, unless this dev folder already holds it
    /// (a second `entas dev` reuses the stores without duplicating households).
    /// Returns false when it was already loaded.
    public func loadDemoIfNeeded(
        seed: UInt64 = DemoPlan.defaultSeed, content: DemoContent = .full, progress: @escaping @Sendable (String) -> Void
    ) async throws -> Bool {
        guard !FileManager.default.fileExists(atPath: layout.demoLoadedMark.path) else {
            progress(Message("dev.demo.alreadyLoaded", .text(layout.directory.path)).rendered())
            return false
        }
        let started = ContinuousClock.now
        progress(Message("dev.demo.loading", .count(12_827)).rendered())
        let counts = try await DemoLoader(system: self, seed: seed, content: content, progress: progress).load()
        try Data("seed \(seed)\n\(counts)\n".utf8).write(to: layout.demoLoadedMark)
        progress(Message("dev.demo.loaded", .message(DevText.seconds(since: started)), .message(DevText.counts(counts))).rendered())
        return true
    }

    /// Waits until the coordinator has applied everything published so far: its committed
    /// lag is 0 and its event count stays the same for a second.
    public func waitForCoordinator(progress: @Sendable (String) -> Void, timeout: Duration = .seconds(180)) async throws {
        guard let coordinator = service("coordinator"), let token = tokens["coordinator"] else { return }
        struct Freshness: Decodable { var eventsApplied: Int; var totalLag: Int64 }
        let deadline = ContinuousClock.now + timeout
        var previous = -1
        while ContinuousClock.now < deadline {
            let answer = try await DevHTTP.send("GET", coordinator.url + "/v1/freshness", token: token)
            if let freshness = try? JSONDecoder().decode(Freshness.self, from: answer.body) {
                if freshness.totalLag == 0 && freshness.eventsApplied == previous { return }
                if freshness.eventsApplied != previous {
                    progress("  " + Message("dev.coordinator.catchingUp", .count(freshness.eventsApplied), .count(Int(freshness.totalLag))).rendered())
                }
                previous = freshness.eventsApplied
            }
            try await Task.sleep(for: .seconds(1))
        }
        throw DevError.demoFailed("the coordinator did not catch up within \(timeout)")
    }
}
