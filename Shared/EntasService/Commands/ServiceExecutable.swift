import ArgumentParser
import EntasDomain
import GRDB

/// Any Entas executable with a store and tokens: its service name, its migrations, and the
/// consumer group and topics of its subscription.
public protocol ServiceExecutable {
    static var serviceName: String { get }
    static func registerMigrations(_ migrator: inout DatabaseMigrator)
    /// The consumer group `serve` joins; `entas-<service>` unless the executable says otherwise.
    static var consumerGroup: String { get }
    /// The topics `serve` subscribes to.
    static var consumedTopics: [EntasTopic] { get }
    /// The settings of `serve`'s subscription (its batch and read-ahead); the defaults unless the executable says otherwise.
    static var subscriptionSettings: EventSubscription.Settings { get }
}

extension ServiceExecutable {
    public static var consumerGroup: String { "entas-\(serviceName)" }
    public static var subscriptionSettings: EventSubscription.Settings { EventSubscription.Settings() }
}

extension ServiceExecutable where Self: AsyncParsableCommand {
    /// The executable's entry point: parses in English, as a service's operator commands speak it
    /// (docs/operations.md "Language"); what the service serves follows each request's `Accept-Language`.
    public static func main() async {
        ProcessMemory.useTwoArenas()
        await CommandMain.run(Self.self, parsingIn: .english)
    }
}
