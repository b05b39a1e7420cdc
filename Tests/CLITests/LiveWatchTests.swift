import EntasTestKit
import EntasDomain
import EntasKafka
import Foundation
import Synchronization
import Testing

@testable import CLI

@Suite("entas watch against the embedded broker", .timeLimit(.minutes(2)), .english)
struct LiveWatchTests {
    /// Lines and warnings the watcher printed.
    final class Printed: Sendable {
        private let state = Mutex<(lines: [String], warnings: [String])>(([], []))
        func line(_ text: String) { state.withLock { $0.lines.append(text) } }
        func warning(_ text: String) { state.withLock { $0.warnings.append(text) } }
        var lines: [String] { state.withLock { $0.lines } }
        var warnings: [String] { state.withLock { $0.warnings } }
    }

    @Test("prints one line per event in the region as it arrives, warns about garbage, stops on close")
    func watch() async throws {
        let kafka = try Live.kafka()
        defer { kafka.stop() }
        let parsed = try EntasCommand.parseAsRoot(["watch", "--region", "35.09", "--from-beginning"] + Live.kafkaFlags(kafka))
        let command = try #require(parsed as? WatchCommand)
        let consumer = try KafkaConsumer(settings: try command.consumerSettings(environment: [:]), logger: Live.logger)
        let printed = Printed()
        let watcher = EventWatcher(filter: try command.filter())
        let watching = Task { try await watcher.run(consumer, emit: printed.line, warn: printed.warning) }

        let events = try Story.sumberjambe().events
        let garbage = KafkaOutgoingMessage(
            topic: EntasTopic.households.name, key: "x", headers: [KafkaHeader(name: "ce_type", string: "nope")], value: Data("not json".utf8))
        try await Live.publish(events, to: kafka, extra: [garbage])

        // Eight of the nine events are in Jember (35.09); the fifth household lives in Malang.
        try await eventually("every Jember event and the warning are printed") {
            printed.lines.count == 8 && printed.warnings.count == 1
        }
        await consumer.close()
        try await watching.value

        let lines = printed.lines
        #expect(lines.filter { $0.contains("household.registered") }.count == 4)
        #expect(lines.contains { $0.contains("household.assessed") && $0.contains("umkm") && $0.contains("status SM") })
        #expect(lines.contains { $0.contains("enrolment.started") && $0.contains("pkh (socialProtection) from 2027-01-12") })
        #expect(lines.contains { $0.contains("household.graduated") && $0.contains("35.09.31.2001 Plerean") })
        #expect(!lines.contains { $0.contains("35.07") })
        for line in lines {
            #expect(line.firstMatch(of: /\d{16}/) == nil, "no full KK or NIK: \(line)")
            #expect(line.contains("350931******00"))
        }
        #expect(printed.warnings[0].hasPrefix("warning: skipped entas.households"))
    }
}
