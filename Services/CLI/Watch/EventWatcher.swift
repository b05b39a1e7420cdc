import EntasDomain
import EntasKafka
import Foundation
import ServiceLifecycle

/// Reads every Entas topic through a consumer and hands each event that passes the filter to
/// `emit` as one line, and each unreadable record to `warn`, until the consumer closes.
struct EventWatcher: Sendable {
    /// The topics watched: households and the four clusters' own (not the dead letters).
    static let topics: [EntasTopic] = [.households, .socialAid, .empowerment, .umkm, .lowCost]

    var filter: EventFilter

    /// What one record becomes.
    enum Outcome: Sendable, Equatable {
        case line(String)
        case warning(String)
        case filtered
    }

    /// A record's line, warning, or nothing when the filter leaves it out.
    func handle(topic: String, partition: Int32, offset: Int64, headers: [String: String], value: Data) -> Outcome {
        let envelope: EventEnvelope
        do {
            envelope = try EventEnvelope.decode(headers: headers, value: value)
        } catch {
            return .warning(EventLine.warning(topic: topic, partition: partition, offset: offset, error: error))
        }
        return filter.matches(envelope) ? .line(EventLine.render(envelope)) : .filtered
    }

    /// Prints events as they arrive until `consumer` is closed (Ctrl-C) or fails.
    /// Prints the consumer's events until the task is cancelled or a graceful shutdown
    /// (SIGINT/SIGTERM in `entas watch`) begins.
    func run(_ consumer: KafkaConsumer, emit: @Sendable (String) -> Void, warn: @Sendable (String) -> Void) async throws {
        for try await message in consumer.messages.cancelOnGracefulShutdown() {
            switch handle(topic: message.topic, partition: message.partition, offset: message.offset, headers: message.stringHeaders, value: message.value) {
            case .line(let line): emit(line)
            case .warning(let warning): warn(warning)
            case .filtered: break
            }
        }
    }
}
