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
        #if os(Linux)
            // glibc gives each thread that allocates an arena of its own, up to eight a core, and keeps what
            // each freed: two arenas held the coordinator's peak RSS inside its target (docs/performance.md).
            _ = glibcMallopt(glibcArenaMax, 2)
        #endif
        await CommandMain.run(Self.self, parsingIn: .english)
    }
}

#if os(Linux)
    /// glibc's `mallopt` (`<malloc.h>`, which the Glibc module does not bring in).
    @_silgen_name("mallopt")
    private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
    /// `M_ARENA_MAX` of `<malloc.h>`.
    private let glibcArenaMax: Int32 = -8
#endif
