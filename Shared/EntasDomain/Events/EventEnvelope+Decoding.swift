import Foundation

extension EventEnvelope {
    /// Reads a Kafka record as an Entas event, checking headers in this order: `ce_specversion` (must be 1.0),
    /// `ce_id` (a UUID), `ce_source` (not blank), `ce_type` (a known type and version), `ce_time` (RFC 3339),
    /// `content-type` (application/json when present), the optional actor (`ce_entasactorid` with `ce_entasactor`),
    /// then the JSON value against the type's schema and rules.
    /// Header names are matched exactly, then without regard to case. Never traps, whatever the input.
    /// - Throws: ``EventDecodingError``; its ``EventDecodingError/code`` is the dead-letter reason.
    public static func decode(headers: [String: String], value: Data) throws(EventDecodingError) -> EventEnvelope {
        func header(_ name: String) -> String? {
            headers[name] ?? headers.first { $0.key.lowercased() == name }?.value
        }
        func required(_ name: String) throws(EventDecodingError) -> String {
            guard let value = header(name) else { throw .missingHeader(name) }
            return value
        }
        let specVersion = try required(EventHeader.specVersion)
        guard specVersion == EventHeader.specVersionValue else {
            throw .unsupportedSpecVersion(EventDecodingError.echo(header: specVersion))
        }
        let idText = try required(EventHeader.id)
        guard let id = UUID.parse(idText) else {
            throw .invalidHeader(name: EventHeader.id, value: EventDecodingError.echo(header: idText))
        }
        let source = try required(EventHeader.source)
        guard source.contains(where: { !$0.isWhitespace }) else {
            throw .invalidHeader(name: EventHeader.source, value: EventDecodingError.echo(header: source))
        }
        let type = try EventType.parse(ceType: try required(EventHeader.type))
        let timeText = try required(EventHeader.time)
        guard let time = InstantFormat.parse(timeText) else {
            throw .invalidHeader(name: EventHeader.time, value: EventDecodingError.echo(header: timeText))
        }
        // Every Entas producer writes exactly `application/json`; anything else is read as a media type.
        if let contentType = header(EventHeader.contentType), contentType != EventHeader.jsonContentType {
            let mediaType = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard mediaType == EventHeader.jsonContentType else {
                throw .invalidHeader(name: EventHeader.contentType, value: EventDecodingError.echo(header: contentType))
            }
        }
        var actor: EventActor?
        switch (header(EventHeader.actorID), header(EventHeader.actorName)) {
        case (nil, nil): actor = nil
        case (let actorID?, let name?):
            actor = EventActor(id: actorID.lowercased(), name: name)
            guard actor?.isValid == true else {
                throw .invalidHeader(name: EventHeader.actorName, value: EventDecodingError.echo(header: name))
            }
        case (nil, _): throw .missingHeader(EventHeader.actorID)
        case (_, nil): throw .missingHeader(EventHeader.actorName)
        }
        let payload = try EventPayload.decode(type, from: value)
        return EventEnvelope(id: id, source: source, time: time, payload: payload, actor: actor)
    }

    /// Reads an ``EncodedEvent`` (its headers and value; topic and key are not checked).
    public static func decode(_ event: EncodedEvent) throws(EventDecodingError) -> EventEnvelope {
        try decode(headers: event.headers, value: event.value)
    }
}
