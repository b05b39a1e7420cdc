import EntasCluster
import EntasDev
import EntasTestKit
import EntasService
import Foundation
import Testing

extension Faults {
    /// SIGTERM, as systemd and Compose stop a service: the process finishes what it holds and
    /// exits 0 within `ServiceShutdown`'s bounds, and nothing it accepted is lost or doubled.
    @Suite("SIGTERM: graceful shutdown", .serialized, .timeLimit(.minutes(10)))
    struct GracefulShutdown {
        static let households = 300
        static let first = 3_000_001
        static let registered = "id.go.jatim.entas.household.registered.v1"
        /// What a stop may take: the group's graceful and cancellation limits.
        static let bound = ServiceShutdown.gracefulLimit + ServiceShutdown.cancellationLimit

        @Test("social aid and the coordinator stop on SIGTERM within the bound with status 0; every household accepted reaches the coordinator once")
        func sigterm() async throws {
            try await FaultSystem.with("sigterm") { system in
                try await system.start(["coordinator", "social-aid"])
                try await run(system)
            }
        }

        func run(_ system: FaultSystem) async throws {
            let verdict = Verdict()
            let start = ContinuousClock.now
            let numbers = Array(Self.first..<(Self.first + Self.households))
            for number in numbers {
                let answer = try await DevHTTP.send(
                    "POST", system.url("social-aid") + "/v1/households", token: system.token("social-aid"),
                    body: JSONBody.json(try Households.registration(number)))
                verdict.check(answer.status == 201, "registration \(number): \(answer.status)")
            }
            // At once after the last answer: the relay may still hold rows and delivery reports.
            let socialAid = await system.stop("social-aid")
            verdict.check(
                socialAid.map { $0.status == 0 && !$0.killed && $0.elapsed < Self.bound } == true,
                "social aid on SIGTERM: \(socialAid.map { "status \($0.status), killed \($0.killed), \($0.elapsed)" } ?? "was not running")")
            try await system.restart("social-aid")
            let coordinatorStore = system.database("coordinator")
            try await eventually("the coordinator has the \(Self.households) households", timeout: .seconds(120)) {
                try StoreReader.count(coordinatorStore, "SELECT COUNT(*) FROM household") >= Self.households
            }
            let coordinator = await system.stop("coordinator")
            verdict.check(
                coordinator.map { $0.status == 0 && !$0.killed && $0.elapsed < Self.bound } == true,
                "the coordinator on SIGTERM: \(coordinator.map { "status \($0.status), killed \($0.killed), \($0.elapsed)" } ?? "was not running")")
            try await system.restart("coordinator")
            try await Probes.coordinatorCaughtUp(system)

            let store = system.database("social-aid")
            let stored = try StoreReader.count(store, "SELECT COUNT(*) FROM householdReplica")
            let published = try StoreReader.count(store, "SELECT COUNT(*) FROM outboxMessage WHERE sentAt IS NOT NULL")
            let applied = try StoreReader.count(coordinatorStore, "SELECT COUNT(*) FROM inboxEntry WHERE eventType = ?", [Self.registered])
            let households = try StoreReader.count(coordinatorStore, "SELECT COUNT(*) FROM household")
            let layers = [stored, published, applied, households]
            let lost = Layers.shortfall(layers, expected: Self.households)
            let duplicated = Layers.excess(layers, expected: Self.households)
            verdict.check(lost == 0 && duplicated == 0, "store \(stored), published \(published), applied \(applied), coordinator households \(households), of \(Self.households)")
            let integrity = verdict.checkIntegrity(of: system, after: "two SIGTERMs and restarts")
            func seconds(_ stop: ChildProcess.Stop?) -> String {
                stop.map { String(format: "%.1f s", Double($0.elapsed.components.seconds) + Double($0.elapsed.components.attoseconds) / 1e18) } ?? "?"
            }
            FaultSummary.shared.record(
                "SIGTERM of social-aid right after \(Self.households) registrations, then of the coordinator", events: Self.households,
                lost: lost, duplicated: duplicated,
                note: "stopped in \(seconds(socialAid)) and \(seconds(coordinator)) (bound \(Self.bound)), exit 0; \(integrity)",
                since: start, passed: verdict.passed)
        }
    }
}
