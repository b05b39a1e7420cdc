import EntasDomain
import Foundation

/// One line of `entas watch` for an event: time (WIB), type, stating cluster, masked KK, desa
/// code and name, summary.
enum EventLine {
    static func render(_ envelope: EventEnvelope, reference: RegionReference = .eastJava) -> String {
        let kk = envelope.payload.kkNumber?.masked ?? "-"
        let place = EventFacts.place(of: envelope.payload)
        let placeText = place.map { code in "\(code.dotted) \(reference.region(code)?.name ?? "")" } ?? "-"
        return [
            TimeFormat.wib(envelope.time),
            TextWidth.pad(envelope.eventType.name, to: 20, alignment: .left),
            TextWidth.pad(envelope.payload.statingCluster.serviceName, to: 11, alignment: .left),
            TextWidth.pad(kk, to: 16, alignment: .left),
            placeText.trimmingCharacters(in: .whitespaces),
            EventFacts.summary(of: envelope.payload),
        ].joined(separator: "  ")
    }

    /// The warning for a record that is not a readable Entas event.
    static func warning(topic: String, partition: Int32, offset: Int64, error: EventDecodingError) -> String {
        Message(
            "cli.watch.warning", .text(topic), .text(String(partition)), .text(String(offset)), .text(error.code), .message(error.message)
        ).rendered()
    }
}
