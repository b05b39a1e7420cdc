/// The languages Entas speaks to people: Bahasa Indonesia first, English on request.
///
/// Only what a person reads changes with the language (pages, reports, tables, legends, messages,
/// problem documents' `title` and `detail`, CSV row errors); JSON fields, event types, problem `code`s,
/// enum identifiers and CSV column names stay as they are.
public enum Language: String, CaseIterable, Sendable, Codable, Hashable {
    /// Bahasa Indonesia, the default.
    case indonesian = "id"
    case english = "en"

    /// What a person reads when nothing asks for another language.
    public static let standard: Language = .indonesian

    /// The language of the work in progress: a request's (from `Accept-Language` or the dashboard's
    /// choice), or the CLI's (`--lang`, `ENTAS_LANG`, `LANG`). Indonesian unless set.
    @TaskLocal public static var current: Language = .standard

    /// A language tag as people and systems write it: `id`, `id-ID`, `id_ID.UTF-8`, `in` (Java's old
    /// code), `en`, `en-GB`, `en_US.UTF-8`, `indonesia`, `english`; nil for another language
    /// (`C.UTF-8`, `de_DE`).
    public init?(tag: String) {
        let lowered = tag.trimmingWhitespace().lowercased()
        let primary = lowered.prefix { $0.isLetter }
        switch primary {
        case "id", "in", "ind", "indonesia", "indonesian", "bahasa": self = .indonesian
        case "en", "eng", "english", "inggris": self = .english
        default: return nil
        }
    }

    /// The language an HTTP `Accept-Language` header prefers among these two: the highest `q` (order breaks
    /// ties); nil when it names neither (`de, fr;q=0.8`) or is malformed.
    public init?(acceptLanguage header: String) {
        var best: (language: Language, weight: Double)?
        for item in header.split(separator: ",").prefix(32) {
            let parts = item.split(separator: ";")
            guard let first = parts.first, let language = Language(tag: String(first)) else { continue }
            var weight = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].trimmingWhitespace() == "q", let q = Double(pair[1].trimmingWhitespace()) {
                    weight = q
                }
            }
            guard weight > 0 else { continue }
            if let current = best, weight <= current.weight { continue }
            best = (language, weight)
        }
        guard let best else { return nil }
        self = best.language
    }

    /// The CLI's language: `flag` (`--lang`) when given, else `ENTAS_LANG`, else `LC_ALL`, `LC_MESSAGES`,
    /// `LANG` as POSIX orders them when they name Indonesian or English, else Indonesian.
    public static func chosen(flag: Language?, environment: [String: String]) -> Language {
        if let flag { return flag }
        if let text = environment["ENTAS_LANG"], let language = Language(tag: text) { return language }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let text = environment[variable], !text.isEmpty else { continue }
            return Language(tag: text) ?? .standard
        }
        return .standard
    }

    /// The language's own name, as a switch between languages shows it.
    public var ownName: String {
        switch self {
        case .indonesian: "Bahasa Indonesia"
        case .english: "English"
        }
    }
}

extension StringProtocol {
    fileprivate func trimmingWhitespace() -> Substring {
        let text = Substring(self)
        guard let start = text.firstIndex(where: { !$0.isWhitespace }), let end = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return text[start...end]
    }
}
