import Logging
import Testing

@testable import EntasKafka
import EntasTestKit

/// The producer's state machine on its own: pure transitions, no broker.
/// The client is a real librdkafka handle with no bootstrap servers; nothing is sent.
@Suite("Producer state machine", .english)
struct ProducerStateMachineTests {
    private static func client() throws -> RdKafkaClient {
        try RdKafkaClient(kind: .producer, properties: ["log_level": "0"], context: ClientContext(logger: KafkaTestSupport.logger))
    }

    @Test("a running producer hands out its client to send and to poll")
    func producerRunning() throws {
        let client = try Self.client()
        let machine = KafkaProducer.StateMachine(client: client)
        guard case .produce(let sendClient) = machine.send() else { Issue.record("send refused while running"); return }
        #expect(sendClient === client)
        guard case .poll(let pollClient) = machine.poll() else { Issue.record("poll stopped while running"); return }
        #expect(pollClient === client)
        guard case .inspect(let inspected) = machine.fatalErrorSuspected() else { Issue.record("no inspection while running"); return }
        #expect(inspected === client)
    }

    @Test("shutdown returns the flush once, then refuses sends, stops polling and returns none")
    func producerShutdown() throws {
        let client = try Self.client()
        var machine = KafkaProducer.StateMachine(client: client)
        guard case .flush(let flushed) = machine.shutdown() else { Issue.record("first shutdown did not flush"); return }
        #expect(flushed === client)
        guard case .refuse = machine.send() else { Issue.record("send accepted after shutdown"); return }
        guard case .stop = machine.poll() else { Issue.record("poll went on after shutdown"); return }
        guard case .none = machine.fatalErrorSuspected() else { Issue.record("restart considered while flushing"); return }
        guard case .none = machine.shutdown() else { Issue.record("second shutdown flushed again"); return }

        machine.flushed()
        guard case .closed(let closed) = machine.state else { Issue.record("not closed after the flush"); return }
        #expect(closed === client)
        guard case .refuse = machine.send() else { Issue.record("send accepted when closed"); return }
        guard case .none = machine.shutdown() else { Issue.record("shutdown flushed when closed"); return }
    }

    @Test("a replaced client is used from then on; a stale replacement is refused and not counted")
    func producerReplacesItsClient() throws {
        let old = try Self.client()
        let replacement = try Self.client()
        var machine = KafkaProducer.StateMachine(client: old)
        let fatal = KafkaError(.produce, message: "a test's fatal error")
        #expect(machine.health == ProducerHealth())

        let replaced = machine.replace(old, with: replacement, after: fatal)
        #expect(replaced)
        #expect(machine.health.restarts == 1)
        #expect(!machine.health.isBroken)
        guard case .produce(let current) = machine.send() else { Issue.record("send refused after the restart"); return }
        #expect(current === replacement)

        // A second sender saw the same fatal error on the old client: nothing more happens.
        let staleReplacement = try Self.client()
        let replacedAgain = machine.replace(old, with: staleReplacement, after: fatal)
        #expect(!replacedAgain)
        #expect(machine.health.restarts == 1)
        #expect(machine.client === replacement)
    }

    @Test("a failed restart marks the producer broken and keeps its client")
    func producerRestartFails() throws {
        let client = try Self.client()
        var machine = KafkaProducer.StateMachine(client: client)
        let fatal = KafkaError(.produce, message: "a test's fatal error")
        machine.restartFailed(after: fatal, error: KafkaError(.createClient, message: "a test's creation error"))
        #expect(machine.health.isBroken)
        #expect(machine.health.restarts == 0)
        #expect(machine.health.lastFatalError == "ENTAS")
        #expect(machine.client === client)
    }
}
