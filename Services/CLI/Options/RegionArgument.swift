import Foundation
import ArgumentParser
import EntasDomain

/// A `--region` value as typed. It always parses, so that ``validated()`` (called from a
/// command's `validate()`) can say what is wrong with a malformed or unknown code and which
/// format is expected, instead of the parser's bare "invalid value".
struct RegionArgument: Sendable, ExpressibleByArgument, CustomStringConvertible {
    /// The text as given.
    let text: String

    init(argument: String) {
        text = argument
    }

    /// The code, when the text is a Kemendagri code of a region in the reference.
    /// - Throws: `ValidationError` naming the expected format (35, 35.09, 35.09.31, 35.09.31.2006).
    func validated(in reference: RegionReference = .eastJava) throws -> RegionCode {
        let code: RegionCode
        do {
            code = try RegionCode(text)
        } catch {
            throw ValidationError(Message("cli.validation.region", .message(error.message)))
        }
        guard reference.contains(code) else {
            throw ValidationError(Message("cli.validation.region", .message(RegionCodeError.unknown(code).message)))
        }
        return code
    }

    var description: String { text }

    static var defaultValueDescription: String { "35" }
}

extension Optional where Wrapped == RegionArgument {
    /// `region=<code>` when one was given; with none, no value (the item is dropped), so the service answers for
    /// the token's own region: the province for a province-wide token, a kabupaten/kota or kecamatan for one
    /// scoped to it.
    func queryItem() throws -> URLQueryItem {
        URLQueryItem(name: "region", value: try self?.validated().dotted)
    }

    /// The region given, or the province (35) when none was.
    func codeOrProvince() throws -> RegionCode {
        try self?.validated() ?? .eastJava
    }
}
