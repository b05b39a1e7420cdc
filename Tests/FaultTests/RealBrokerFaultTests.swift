import EntasKafka
import EntasTestKit
import Testing

/// The whole-system fault rows on a real broker (`make real-broker`): Tansu as a child process,
/// the five executables on it, and this test process's own Kafka clients (topic readers, the
/// group reset) on librdkafka >= 2.2, which `make` puts first on `LD_LIBRARY_PATH`. The
/// outage is a pause: the broker frozen with SIGSTOP for 10 s, its connections open.
@Suite("Faults on a real broker (Tansu)", .serialized, .faultSummary, .timeLimit(.minutes(30)), .english)
struct RealBrokerFaults {
    @Test("broker pause, kill -9 of the coordinator, a group reset and a cluster service restart lose nothing and count nothing twice on Tansu")
    func wholeSystemOnTansu() async throws {
        try #require(
            KafkaLibrary.servesEveryBroker,
            "this test process loaded librdkafka \(KafkaLibrary.version), which cannot talk to Tansu: run it with `make real-broker`")
        let scenarios = Faults.WholeSystem()
        try await FaultSystem.with("tansu", tansu: try RealBrokerTools.located()) { system in
            try await system.start(["coordinator"] + FaultSystem.clusters)
            try await scenarios.brokerOutage(system)
            try await scenarios.coordinatorCrash(system)
            try await scenarios.groupReset(system)
            try await scenarios.clusterRestart(system)
        }
    }
}
