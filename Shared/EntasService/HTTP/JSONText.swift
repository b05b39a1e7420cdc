import EntasDomain
import Foundation

/// The text of a JSON body as Entas takes it (``CleanText``): a string holding a control character or a
/// bidirectional override or isolate is refused with a 422 naming its field; every other string is trimmed and
/// put in NFC before the body is decoded. Used for every JSON body and every line of `POST /v1/bulk`.
package enum JSONText {
    /// `data` with its strings cleaned (the same bytes when none needed it, nearly always); `data` itself when it
    /// is not JSON, so the decoder reports that.
    /// - Throws: 422 `invalid-field` naming the first field (`relief.note`, `kkNumbers[2]`) that holds a forbidden character.
    package static func cleaned(_ data: Data) throws -> Data {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data) else { return data }
        var changed = false
        let clean = try value.cleaned(path: "", changed: &changed)
        return changed ? try JSONEncoder().encode(clean) : data
    }
}

/// A JSON value, read without losing a whole number (64-bit) or a decimal (the shortest text that reads back).
enum JSONValue: Codable {
    case string(String)
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let whole = try? container.decode(Int64.self) {
            self = .integer(whole)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .bool(let flag): try container.encode(flag)
        case .integer(let whole): try container.encode(whole)
        case .number(let number): try container.encode(number)
        case .array(let array): try container.encode(array)
        case .object(let object): try container.encode(object)
        case .null: try container.encodeNil()
        }
    }

    /// This value with every string cleaned; `changed` says whether any string changed.
    func cleaned(path: String, changed: inout Bool) throws -> JSONValue {
        switch self {
        case .string(let text):
            if let scalar = CleanText.forbidden(in: text) {
                throw ProblemDocument.invalidField(
                    path.isEmpty ? "body" : path, Message("service.json.forbiddenCharacter", .text(path), .message(CleanText.ruleMessage(scalar))))
            }
            let clean = CleanText.normalized(text)
            if clean != text { changed = true }
            return .string(clean)
        case .array(let array):
            return .array(try array.enumerated().map { index, element in try element.cleaned(path: "\(path)[\(index)]", changed: &changed) })
        case .object(let object):
            var clean: [String: JSONValue] = [:]
            for key in object.keys.sorted() {
                clean[key] = try object[key]?.cleaned(path: path.isEmpty ? key : "\(path).\(key)", changed: &changed)
            }
            return .object(clean)
        default:
            return self
        }
    }
}
