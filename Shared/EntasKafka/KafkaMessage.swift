import Foundation

/// A Kafka record header: a name and an optional binary value.
public struct KafkaHeader: Sendable, Hashable {
    public var name: String
    public var value: Data?

    public init(name: String, value: Data?) {
        self.name = name
        self.value = value
    }

    public init(name: String, string: String) {
        self.init(name: name, value: Data(utf8Of: string))
    }
}

/// A record to produce.
public struct KafkaOutgoingMessage: Sendable, Hashable {
    public var topic: String
    /// Records with the same key go to the same partition, in order.
    public var key: Data?
    public var headers: [KafkaHeader]
    public var value: Data

    public init(topic: String, key: Data?, headers: [KafkaHeader] = [], value: Data) {
        self.topic = topic
        self.key = key
        self.headers = headers
        self.value = value
    }

    public init(topic: String, key: String, headers: [KafkaHeader] = [], value: Data) {
        self.init(topic: topic, key: Data(utf8Of: key), headers: headers, value: value)
    }
}

/// A consumed record.
public struct KafkaMessage: Sendable, Hashable {
    public var topic: String
    public var partition: Int32
    public var offset: Int64
    public var key: Data?
    public var headers: [KafkaHeader]
    public var value: Data
    /// The record's timestamp (create or log-append time), when it has one.
    public var timestamp: Date?

    /// The key as UTF-8 text, when it is some.
    public var keyString: String? { key.flatMap { String(data: $0, encoding: .utf8) } }

    /// Headers whose values are UTF-8 text, by name (the last wins on a repeated name).
    public var stringHeaders: [String: String] {
        var result: [String: String] = [:]
        for header in headers {
            if let value = header.value, let text = String(data: value, encoding: .utf8) { result[header.name] = text }
        }
        return result
    }
}

extension Data {
    /// `string`'s UTF-8 bytes, copied at once (`Data(string.utf8)` walks the view byte by byte).
    init(utf8Of string: String) {
        var string = string
        self = string.withUTF8 { Data(buffer: $0) }
    }
}
