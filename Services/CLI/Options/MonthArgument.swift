import ArgumentParser
import EntasDomain

/// A month typed as `YYYY-MM` (`--from 2027-01`). It always parses; ``validated(_:)``, called
/// from a command's `validate()`, says what is wrong with a malformed one.
struct MonthArgument: Sendable, ExpressibleByArgument, CustomStringConvertible {
    let text: String

    init(argument: String) {
        text = argument
    }

    /// The month in `YYYY-MM` form.
    /// - Parameter flag: the flag's name for the message, e.g. `--from`.
    func validated(_ flag: String) throws -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 7, parts.count == 2, parts[0].utf8.count == 4, parts[1].utf8.count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }),
            let year = Int(parts[0]), let month = Int(parts[1]), (1...9999).contains(year), (1...12).contains(month)
        else {
            throw ValidationError(Message("cli.validation.month", .text(flag), .text(String(text.prefix(20)))))
        }
        return text
    }

    var description: String { text }
}
