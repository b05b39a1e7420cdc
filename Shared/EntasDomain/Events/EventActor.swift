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
        guard UUID.parse(id) != nil else { return false }
        // The usual name, printable ASCII, is checked byte by byte (every event a service publishes or reads).
        let utf8 = name.utf8
        if utf8.count <= 200, utf8.allSatisfy({ (0x20...0x7E).contains($0) }) {
            return utf8.contains { $0 != 0x20 }
        }
        return !name.trimmingCharacters(in: .whitespaces).isEmpty && name.count <= 200
            && !name.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }
    }
}
