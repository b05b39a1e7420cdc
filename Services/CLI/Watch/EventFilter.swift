import EntasDomain

/// Which events `entas watch` prints: those about a region (by the household's desa, or a
/// commitment's region) and of some types. An empty filter lets everything through.
struct EventFilter: Sendable, Hashable {
    /// Only events inside this region; nil for all.
    var region: RegionCode?
    /// Only these type names (`household.registered`); empty for all.
    var typeNames: Set<String> = []

    func matches(_ envelope: EventEnvelope) -> Bool {
        if !typeNames.isEmpty, !typeNames.contains(envelope.eventType.name) { return false }
        guard let region else { return true }
        if case .commitmentMade(let commitment) = envelope.payload {
            // A commitment for the region, inside it, or for a region that contains it.
            return commitment.regionCode.isWithin(region) || region.isWithin(commitment.regionCode)
        }
        guard let code = EventFacts.place(of: envelope.payload) else { return false }
        return code.isWithin(region)
    }

    /// The type names in a `--type` value: comma-separated names (`household.registered`) or
    /// full `ce_type`s (`id.go.jatim.entas.household.registered.v1`).
    /// - Throws: ``UnknownEventTypeError`` naming the known types.
    static func typeNames(_ values: [String]) throws -> Set<String> {
        let known = Set(EventType.supported.map(\.name))
        var names: Set<String> = []
        for value in values {
            for part in value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                let name = EventType(ceType: part)?.name ?? part
                guard known.contains(name) else { throw UnknownEventTypeError(given: String(part.prefix(80)), known: known.sorted()) }
                names.insert(name)
            }
        }
        return names
    }
}

/// A `--type` that names no Entas event type.
struct UnknownEventTypeError: Error, Sendable, CustomStringConvertible, MessageConvertible {
    var given: String
    var known: [String]

    var message: Message { Message("cli.watch.unknownType", .text(given), .text(known.joined(separator: ", "))) }

    var description: String { message.rendered() }
}
