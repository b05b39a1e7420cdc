import CRdKafka

/// The librdkafka this process loaded (which may be newer than the headers it was built with:
/// a `librdkafka.so.1` found first on `LD_LIBRARY_PATH`).
public enum KafkaLibrary {
    /// `2.16.0`.
    public static var version: String { String(cString: rd_kafka_version_str()) }

    /// Whether it can talk to brokers other than Apache Kafka's own, such as Tansu: librdkafka
    /// before 2.2.0 misreads their ApiVersions answer ("Read underflow") and never connects.
    public static var servesEveryBroker: Bool { rd_kafka_version() >= 0x0202_0000 }

    /// What to tell a user whose client could not reach the brokers.
    public static var brokerHint: String {
        servesEveryBroker
            ? ""
            : " This process uses librdkafka \(version), which cannot talk to brokers other than Apache Kafka (Tansu among them): use 2.2 or later (docs/kafka.md)."
    }
}
