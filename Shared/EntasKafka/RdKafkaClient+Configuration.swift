import CRdKafka

extension RdKafkaClient {
    /// The client's configuration as librdkafka holds it (`rd_kafka_conf_dump`), secrets hidden.
    func effectiveConfiguration() -> EffectiveConfiguration {
        guard let conf = rd_kafka_conf(handle) else { return EffectiveConfiguration(properties: [:]) }
        var properties: [String: String] = [:]
        // Topic-level properties (`acks` is `request.required.acks` there) first, then global.
        if let topicConf = rd_kafka_conf_get_default_topic_conf(conf) {
            var count = 0
            if let dump = rd_kafka_topic_conf_dump(topicConf, &count) {
                Self.read(dump, count: count, into: &properties)
                rd_kafka_conf_dump_free(dump, count)
            }
        }
        var count = 0
        if let dump = rd_kafka_conf_dump(conf, &count) {
            Self.read(dump, count: count, into: &properties)
            rd_kafka_conf_dump_free(dump, count)
        }
        return EffectiveConfiguration(properties: properties)
    }

    /// Reads a dump's name/value pairs, hiding secrets' values.
    private static func read(_ dump: UnsafeMutablePointer<UnsafePointer<CChar>?>, count: Int, into properties: inout [String: String]) {
        for index in stride(from: 0, to: count - 1, by: 2) {
            guard let name = dump[index].map({ String(cString: $0) }) else { continue }
            let value = dump[index + 1].map { String(cString: $0) } ?? ""
            properties[name] = EffectiveConfiguration.isSecret(name) && !value.isEmpty ? EffectiveConfiguration.hidden : value
        }
    }
}
