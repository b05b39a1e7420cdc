import Logging
import Testing

@testable import EntasKafka
import EntasTestKit

/// The consumer's state machine on its own: pure transitions, no broker.
/// The client is a real librdkafka handle with no bootstrap servers; nothing is sent.
@Suite("Consumer state machine", .english)
struct ConsumerStateMachineTests {
    private static func client() throws -> RdKafkaClient {
        try RdKafkaClient(kind: .consumer, properties: ["log_level": "0", "group.id": "state-machine-tests"], context: ClientContext(logger: KafkaTestSupport.logger))
    }

    @Test("an open consumer polls; close leaves the group once, then polling finishes")
    func consumerClose() throws {
        let client = try Self.client()
        var machine = KafkaConsumer.StateMachine(client: client)
        guard case .poll(let polled) = machine.pollAllowed() else { Issue.record("poll refused while open"); return }
        #expect(polled === client)

        guard case .leaveGroup(let leaving) = machine.close() else { Issue.record("first close did not leave the group"); return }
        #expect(leaving === client)
        guard case .finish = machine.pollAllowed() else { Issue.record("poll allowed while closing"); return }
        guard case .none = machine.close() else { Issue.record("second close left the group again"); return }

        machine.leftGroup()
        guard case .closed = machine.state else { Issue.record("not closed after leaving"); return }
        guard case .finish = machine.pollAllowed() else { Issue.record("poll allowed when closed"); return }
        guard case .none = machine.close() else { Issue.record("close after closed left the group again"); return }
        // Offsets and configuration are still read from the same client.
        #expect(machine.client === client)
    }
}
