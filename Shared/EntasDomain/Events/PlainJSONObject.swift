import Foundation

/// An event value read in one pass, without Foundation's `JSONDecoder`, when it is one JSON object of plain
/// members, as every cluster service writes its events: keys and texts without escapes, whole numbers, `true`,
/// `false`, `null`, and arrays of texts. Anything else (an escape, a fraction or exponent, a nested object, a
/// repeated key, a control character, text that is not UTF-8) makes no object, and the caller decodes the value
/// with `JSONDecoder`, which also says what is wrong with a malformed one. The decoder's generic containers
/// cost more than half of the coordinator's decoding stage; this reader, a fraction of that.
struct PlainJSONObject {
    /// A member's value.
    enum Value: Equatable {
        case text(String)
        case integer(Int64)
        case bool(Bool)
        case null
        case texts([String])
    }

    /// The members in the order written (a dozen at most in an event, so a search is cheaper than a table).
    private(set) var members: [(key: String, value: Value)]

    /// Nil unless `value` is one plain object (surrounding whitespace allowed).
    init?(_ value: Data) {
        guard let members = value.withUnsafeBytes({ bytes -> [(key: String, value: Value)]? in
            var reader = Reader(bytes: bytes)
            return reader.object()
        })
        else { return nil }
        self.members = members
    }

    /// The value of `key`, if the object has that member.
    subscript(_ key: String) -> Value? {
        members.first { $0.key == key }?.value
    }

    /// The value of a member the payload requires, made by `make`; nil when it is absent, `null`, or not what
    /// `make` accepts (then the decoder decides).
    func required<Field>(_ key: String, _ make: (Value) -> Field?) -> Field? {
        self[key].flatMap(make)
    }

    /// The value of an optional member: `.some(nil)` when absent or `null` (as a synthesised `Decodable` reads
    /// it), nil when present but not what `make` accepts.
    func optional<Field>(_ key: String, _ make: (Value) -> Field?) -> Field?? {
        guard let value = self[key], value != .null else { return .some(nil) }
        return make(value).map { .some($0) }
    }
}

// The conversions a payload's fields take, each accepting exactly what the field's `Decodable` accepts (or less).
extension PlainJSONObject.Value {
    var text: String? {
        if case .text(let text) = self { text } else { nil }
    }

    /// A whole number in `Int`'s range.
    var int: Int? {
        if case .integer(let number) = self { Int(exactly: number) } else { nil }
    }

    var int64: Int64? {
        if case .integer(let number) = self { number } else { nil }
    }

    /// A whole number a `Double` holds exactly (a fraction goes to the decoder).
    var double: Double? {
        guard case .integer(let number) = self, number.magnitude <= 1 << 53 else { return nil }
        return Double(number)
    }

    /// A value of a type read from its text form, such as ``KKNumber`` or ``CalendarDate``.
    func parsed<Field: TextCodable>(as type: Field.Type = Field.self) -> Field? {
        text.flatMap { try? Field.parse($0) }
    }

    /// A value of a string enum.
    func raw<Field: RawRepresentable>(as type: Field.Type = Field.self) -> Field? where Field.RawValue == String {
        text.flatMap(Field.init(rawValue:))
    }

    /// An array of a string enum's values.
    func raws<Field: RawRepresentable>(as type: Field.Type = Field.self) -> [Field]? where Field.RawValue == String {
        guard case .texts(let texts) = self else { return nil }
        var values: [Field] = []
        values.reserveCapacity(texts.count)
        for text in texts {
            guard let value = Field(rawValue: text) else { return nil }
            values.append(value)
        }
        return values
    }

    /// An id in either case, as `UUID(uuidString:)` reads it.
    var uuid: UUID? { text.flatMap(UUID.parse) }
}

extension PlainJSONObject {
    /// Reads JSON from a buffer, byte by byte.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        init(bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
        }

        /// The object's members, when the buffer holds one plain object and nothing else.
        mutating func object() -> [(key: String, value: Value)]? {
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            var members: [(key: String, value: Value)] = []
            members.reserveCapacity(12)
            skipSpace()
            if !take(UInt8(ascii: "}")) {
                while true {
                    skipSpace()
                    guard let key = string() else { return nil }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return nil }
                    skipSpace()
                    guard let value = value(), !members.contains(where: { $0.key == key }) else { return nil }
                    members.append((key, value))
                    skipSpace()
                    if take(UInt8(ascii: ",")) { continue }
                    guard take(UInt8(ascii: "}")) else { return nil }
                    break
                }
            }
            skipSpace()
            return position == bytes.count ? members : nil
        }

        private mutating func value() -> Value? {
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: "\""): return string().map(Value.text)
            case UInt8(ascii: "["): return texts().map(Value.texts)
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return integer().map(Value.integer)
            default: return nil
            }
        }

        /// A text without escapes or control characters, in UTF-8.
        private mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = position
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") { break }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
                position += 1
            }
            guard position < bytes.count else { return nil }
            let text = String(validating: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            position += 1
            return text
        }

        /// An array of texts (possibly empty).
        private mutating func texts() -> [String]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var texts: [String] = []
            skipSpace()
            if take(UInt8(ascii: "]")) { return texts }
            while true {
                skipSpace()
                guard let text = string() else { return nil }
                texts.append(text)
                skipSpace()
                if take(UInt8(ascii: ",")) { continue }
                return take(UInt8(ascii: "]")) ? texts : nil
            }
        }

        /// A whole number in JSON's form (no leading zero) within `Int64`; a fraction or an exponent is not one.
        private mutating func integer() -> Int64? {
            let negative = take(UInt8(ascii: "-"))
            let start = position
            var magnitude: UInt64 = 0
            while position < bytes.count, case let digit = bytes[position] &- UInt8(ascii: "0"), digit < 10 {
                let (times10, overflow) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, carry) = times10.addingReportingOverflow(UInt64(digit))
                guard !overflow, !carry else { return nil }
                magnitude = sum
                position += 1
            }
            let digits = position - start
            guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
            if position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
                default: break
                }
            }
            if negative { return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil }
            return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
        }

        private mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard bytes.count - position >= count else { return false }
            for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return false }
            position += count
            return true
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        private mutating func skipSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }
    }
}
