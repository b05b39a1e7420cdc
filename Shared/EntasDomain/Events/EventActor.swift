import Foundation

/// Who recorded a fact: the operator whose token made the request (an id and a name from the token, never a
/// citizen's data). Optional CloudEvents extension attributes of every event type, headers `ce_entasactorid`
/// and `ce_entasactor` (docs/events.md); absent on events published before they existed or by a tool.
public struct EventActor: Sendable, Hashable, Codable {
    /// The token's id, a lowercase UUID.
    public var id: String
    /// The token's holder: the operator as the agency names it (`dinsos-jember-operator-1`), at most 200
    /// characters, no control characters.
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// True when the id is a UUID and the name is 1–200 characters of printable text.
    var isValid: Bool {
        UUID(uuidString: id) != nil && !name.trimmingCharacters(in: .whitespaces).isEmpty && name.count <= 200
            && !name.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }
    }
}
