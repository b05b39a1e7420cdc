import ArgumentParser
import EntasDomain

/// A period typed as `2027`, `2027-Q1` or `2027-03` (`--period`). It always parses; ``validated()``,
/// called from a command's `validate()`, says what is wrong with a malformed one.
struct PeriodArgument: Sendable, ExpressibleByArgument, CustomStringConvertible {
    let text: String

    init(argument: String) {
        text = argument
    }

    func validated() throws -> Period {
        do {
            return try Period(text)
        } catch {
            throw ValidationError(Message("cli.validation.period", .message(error.message)))
        }
    }

    var description: String { text }

    static var defaultValueDescription: String { "this year" }
}

extension Optional where Wrapped == PeriodArgument {
    /// The period given, or this year (WIB) when none was.
    func periodOrThisYear(today: CalendarDate = .today()) throws -> Period {
        try self?.validated() ?? Period.containing(today, as: .year)
    }
}
