import Foundation

/// One Entas event: the CloudEvents attributes (id, source, time) and the typed payload.
///
/// On Kafka an envelope is a record in CloudEvents binary mode: the attributes are `ce_*` headers, the value
/// is the payload's JSON, and the key is ``key``. ``encoded()`` makes that record, ``decode(headers:value:)``
/// reads one back and validates it.
public struct EventEnvelope: Sendable, Equatable {
    /// `ce_id`: unique per event; consumers' inboxes dedupe on it. Made time-ordered (``Foundation/UUID/timeOrdered(at:)``).
    public let id: UUID
    /// `ce_source`: the publishing service, `/entas/<service>` (``Cluster/eventSource``).
    public let source: String
    /// `ce_time`: when the fact was recorded, kept to the millisecond (the precision `ce_time` carries), so
    /// an envelope reads back equal to itself.
    public let time: Date
    /// The event's data.
    public let payload: EventPayload
    /// Who recorded the fact (`ce_entasactorid`, `ce_entasactor`), when the publisher said.
    public let actor: EventActor?

    /// Makes an envelope; `time` is cut down to the millisecond.
    public init(id: UUID = .timeOrdered(), source: String, time: Date = Date(), payload: EventPayload, actor: EventActor? = nil) {
        self.id = id
        self.source = source
        self.time = InstantFormat.truncated(time)
        self.payload = payload
        self.actor = actor
    }

    /// Makes an envelope published by `cluster`'s service (source `/entas/<serviceName>`).
    public init(id: UUID = .timeOrdered(), cluster: Cluster, time: Date = Date(), payload: EventPayload, actor: EventActor? = nil) {
        self.init(id: id, source: cluster.eventSource, time: time, payload: payload, actor: actor)
    }

    /// Makes an envelope around a payload struct.
    public init(id: UUID = .timeOrdered(), source: String, time: Date = Date(), data: some EventData) {
        self.init(id: id, source: source, time: time, payload: data.eventPayload)
    }

    /// The payload's type and version.
    public var eventType: EventType { payload.eventType }
    /// The Kafka key (see ``EventPayload/key``).
    public var key: String { payload.key }
    /// The topic the event belongs on (see ``EventPayload/topic``).
    public var topic: EntasTopic { payload.topic }

    /// The Kafka record: topic, key, the six headers (eight with an actor) and the JSON value. The payload is validated first with
    /// the rules consumers apply, so an invalid event is never published.
    public func encoded() throws(EventEncodingError) -> EncodedEvent {
        try encoded(payloadValidated: false)
    }

    /// ``encoded()`` for a payload its caller has just checked with `validate(in: .eastJava)` (an import checks
    /// each row to reject that row alone): the payload's rules are not checked a second time.
    public func encoded(payloadValidated: Bool) throws(EventEncodingError) -> EncodedEvent {
        guard source.contains(where: { !$0.isWhitespace }) else { throw .emptySource }
        if !payloadValidated {
            do {
                try payload.validate(in: .eastJava)
            } catch {
                throw .invalidPayload(path: error.path, reason: error.message)
            }
        }
        guard let timeText = InstantFormat.format(time) else { throw .timeOutOfRange }
        let value = try payload.jsonValue()
        var headers = [
            EventHeader.specVersion: EventHeader.specVersionValue,
            EventHeader.id: id.lowercaseText,
            EventHeader.source: source,
            EventHeader.type: eventType.ceType,
            EventHeader.time: timeText,
            EventHeader.contentType: EventHeader.jsonContentType,
        ]
        if let actor {
            guard actor.isValid else { throw .invalidPayload(path: EventHeader.actorName, reason: Message("domain.event.actorInvalid")) }
            headers[EventHeader.actorID] = actor.id.lowercased()
            headers[EventHeader.actorName] = actor.name
        }
        return EncodedEvent(id: id, topic: topic.name, key: key, headers: headers, value: value)
    }
}
