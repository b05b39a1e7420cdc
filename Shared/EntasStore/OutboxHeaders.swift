import Foundation

/// The `headers` column of `outboxMessage`: the Kafka headers as a JSON object of strings, keys sorted
/// (`{"ce_id":"…","ce_source":"/entas/social-aid",…}`).
///
/// Every enqueue writes one and the relay reads thousands a second, so the usual case is written and read
/// here by hand: strings of printable ASCII or UTF-8 beyond it, without a quote or a backslash, which is
/// what the CloudEvents attributes are. Anything else (an escape, whitespace another writer left, a value
/// that is not a string) goes through Foundation's coder; the text is the same JSON either way, so rows
/// written by earlier releases read as before.
enum OutboxHeaders {
    /// The encoder of the slow path (keys sorted), made once: it is thread-safe once configured.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
    private static let decoder = JSONDecoder()

    /// `headers` as a JSON object with sorted keys: equal headers give equal text.
    static func text(_ headers: [String: String]) throws -> String {
        guard headers.allSatisfy({ isPlain($0.key) && isPlain($0.value) }) else {
            return String(decoding: try encoder.encode(headers), as: UTF8.self)
        }
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(headers.reduce(2) { $0 + $1.key.utf8.count + $1.value.utf8.count + 6 })
        for (index, header) in headers.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: header.key.utf8)
            bytes.append(contentsOf: "\":\"".utf8)
            bytes.append(contentsOf: header.value.utf8)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The headers a column's text holds.
    /// - Throws: a `DecodingError` when the text is not a JSON object of strings.
    static func headers(_ text: String) throws -> [String: String] {
        var headers: [String: String] = [:]
        for header in try pairs(text) { headers[header.name] = String(decoding: header.value, as: UTF8.self) }
        return headers
    }

    /// The headers a column's text holds, in name order (as Kafka records carry them), each value as its UTF-8
    /// bytes: read without a dictionary, since the text keeps its keys sorted, and without a string per value.
    /// - Throws: a `DecodingError` when the text is not a JSON object of strings.
    static func pairs(_ text: String) throws -> [OutboxHeader] {
        var text = text
        if let pairs = text.withUTF8(plainPairs) {
            return pairs
        }
        return try decoder.decode([String: String].self, from: Data(text.utf8)).sorted { $0.key < $1.key }
            .map { OutboxHeader(name: $0.key, value: Data($0.value.utf8)) }
    }

    /// True when `string` is written in JSON as it is: no quote, backslash or control character.
    private static func isPlain(_ string: String) -> Bool {
        string.utf8.allSatisfy(isPlain)
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0x7F
    }

    /// `{"k":"v",…}` with plain strings only, keys in ascending order and each once, as ``text(_:)`` writes it;
    /// nil for any other text (read by the decoder instead).
    private static func plainPairs(_ bytes: UnsafeBufferPointer<UInt8>) -> [OutboxHeader]? {
        var position = 0
        func expect(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }
        /// The bytes of the string at `position`, without its quotes.
        func string() -> UnsafeBufferPointer<UInt8>? {
            guard expect(UInt8(ascii: "\"")) else { return nil }
            let start = position
            while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
                guard isPlain(bytes[position]) else { return nil }
                position += 1
            }
            guard position < bytes.count else { return nil }
            position += 1
            return UnsafeBufferPointer(rebasing: bytes[start..<position - 1])
        }
        guard expect(UInt8(ascii: "{")) else { return nil }
        var pairs: [OutboxHeader] = []
        pairs.reserveCapacity(8)
        if expect(UInt8(ascii: "}")) { return position == bytes.count ? pairs : nil }
        repeat {
            guard let nameBytes = string(), expect(UInt8(ascii: ":")), let value = string() else { return nil }
            let name = String(decoding: nameBytes, as: UTF8.self)
            guard pairs.last.map({ $0.name < name }) ?? true else { return nil }
            pairs.append(OutboxHeader(name: name, value: Data(buffer: value)))
        } while expect(UInt8(ascii: ","))
        guard expect(UInt8(ascii: "}")), position == bytes.count else { return nil }
        return pairs
    }
}

/// One Kafka header of an outbox row.
public struct OutboxHeader: Sendable, Hashable {
    public var name: String
    /// The value's UTF-8 bytes, as the record carries them.
    public var value: Data
}
