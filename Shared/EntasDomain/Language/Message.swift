import Foundation

/// A text a person reads, by its key in the language catalogues (`Resources/Language/<code>/*.json`)
/// and the values it names. Rendered in a language only when it is shown, so an error thrown deep in
/// the domain reaches each reader in theirs.
///
/// A catalogue text names its values `{0}`, `{1}`, … in any order. When the first count among the values
/// is 1, a `key.one` text is used if the catalogue has one (English "1 event", "2 events").
public struct Message: Sendable, Hashable, CustomStringConvertible {
    public var key: String
    public var arguments: [Argument]

    public init(_ key: String, _ arguments: Argument...) {
        self.key = key
        self.arguments = arguments
    }

    public init(_ key: String, arguments: [Argument]) {
        self.key = key
        self.arguments = arguments
    }

    /// A value a message names, written as the language writes it.
    public enum Argument: Sendable, Hashable, ExpressibleByStringInterpolation, ExpressibleByIntegerLiteral {
        /// As it is: a field name, a code, a region's name.
        case text(String)
        /// A whole number: `12.827` in Indonesian, `12,827` in English.
        case count(Int)
        /// A number with `digits` decimals: `72,5` / `72.5`.
        case decimal(Double, digits: Int)
        /// A fraction (0.725) as a percentage with `digits` decimals: `72,5%`.
        case percent(Double, digits: Int)
        /// Rupiah: `Rp750.000` / `Rp 750,000`.
        case rupiah(Int64)
        /// A day: `3 Desember 2026` / `3 Dec 2026`.
        case day(CalendarDate)
        /// A month: `Des 2026` / `Dec 2026`.
        case month(CalendarMonth)
        /// An instant in Western Indonesia Time: `3 Desember 2026 14.05 WIB`.
        case time(Date)
        /// Another message, in the same language.
        case message(Message)

        public init(stringLiteral value: String) { self = .text(value) }
        public init(integerLiteral value: Int) { self = .count(value) }

        /// The value as `language` writes it.
        public func rendered(in language: Language) -> String {
            switch self {
            case .text(let text): text
            case .count(let value): language.count(value)
            case .decimal(let value, let digits): language.decimal(value, digits: digits)
            case .percent(let value, let digits): language.percent(value, digits: digits)
            case .rupiah(let value): language.rupiah(value)
            case .day(let day): language.day(day)
            case .month(let month): language.month(month)
            case .time(let time): language.time(time)
            case .message(let message): message.rendered(in: language)
            }
        }
    }

    /// The text in `language` (by default the current one), its values filled in. A key missing from
    /// the catalogue renders as `⟦key⟧`, which the catalogue tests look for.
    public func rendered(in language: Language = .current) -> String {
        Catalogue.standard.render(self, in: language)
    }

    /// The English text: what logs and test failures show.
    public var description: String { rendered(in: .english) }
}

/// An error that says what was wrong in the reader's language.
public protocol MessageConvertible: Error {
    var message: Message { get }
}
