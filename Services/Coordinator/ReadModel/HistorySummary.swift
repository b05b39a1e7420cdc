import EntasDomain

/// A history row's summary as the coordinator stores it: a catalogue key and its values, so each reader gets it
/// in their language (`GET /v1/households/{kk}`, `entas household`). Stored as text: `U+001E`, the key, then
/// each value after `U+001F` (`t` text, `c` count, `r` rupiah), and the operator who recorded the event after
/// `U+001D`. A summary written before the catalogues (plain English) is shown as it is.
enum HistorySummary {
    private static let start: Character = "\u{1E}"
    private static let separator: Character = "\u{1F}"
    private static let operatorSeparator: Character = "\u{1D}"

    /// `message` (whose values are text, counts or rupiah) as stored, with the operator who recorded it.
    static func stored(_ message: Message, recordedBy operatorName: String? = nil) -> String {
        var text = String(start) + message.key
        for argument in message.arguments {
            text.append(separator)
            switch argument {
            case .count(let value): text += "c\(value)"
            case .rupiah(let value): text += "r\(value)"
            case .text(let value): text += "t" + clean(value)
            default: text += "t" + clean(argument.rendered(in: .english))
            }
        }
        if let operatorName { text += String(operatorSeparator) + clean(operatorName) }
        return text
    }

    /// The stored summary as a message in the catalogues: its own, or the old English text as it is.
    static func message(stored text: String) -> Message {
        guard text.first == start else { return Message("coordinator.history.asRecorded", .text(text)) }
        let parts = text.dropFirst().split(separator: operatorSeparator, maxSplits: 1, omittingEmptySubsequences: false)
        let fields = (parts.first ?? "").split(separator: separator, omittingEmptySubsequences: false)
        let arguments = fields.dropFirst().map { field -> Message.Argument in
            let value = String(field.dropFirst())
            switch field.first {
            case "c": return Int(value).map(Message.Argument.count) ?? .text(value)
            case "r": return Int64(value).map(Message.Argument.rupiah) ?? .text(value)
            default: return .text(value)
            }
        }
        let message = Message(String(fields.first ?? ""), arguments: arguments)
        guard parts.count == 2 else { return message }
        return Message("coordinator.history.byOperator", .message(message), .text(String(parts[1])))
    }

    /// A value without the separators (an operator's name or a code never holds them).
    private static func clean(_ text: String) -> String {
        text.contains(where: { $0 == start || $0 == separator || $0 == operatorSeparator })
            ? String(text.filter { $0 != start && $0 != separator && $0 != operatorSeparator }) : text
    }
}
