import ArgumentParser
import EntasDomain
import EntasKafka
import Logging

/// The flags every Entas executable shares. Each has an environment variable behind it; a
/// flag wins over its variable.
public struct ServiceOptions: ParsableArguments, Sendable {
    @Option(help: "Address the HTTP API listens on (env ENTAS_HTTP_HOST, default 127.0.0.1).")
    public var host: String?

    @Option(help: "Port of the HTTP API; 0 picks a free one (env ENTAS_HTTP_PORT).")
    public var port: Int?

    @Option(name: .customLong("database"), help: "The service's SQLite file (env ENTAS_DATABASE).")
    public var databasePath: String?

    @OptionGroup public var kafka: KafkaOptions

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (env ENTAS_LOG_LEVEL).")
    public var logLevel: Logger.Level?

    public init() {}

    /// The configuration these flags and `environment` describe, for the service `name`
    /// (`social-aid`, `coordinator`, …), whose database defaults to `.entas/<name>.sqlite`.
    public func configuration(service name: String, defaultPort: Int = 8080, environment: [String: String]) throws(ConfigurationError) -> ServiceConfiguration {
        let httpPort: Int
        if let port {
            httpPort = port
        } else if let text = environment[EnvironmentVariable.httpPort.rawValue] {
            guard let parsed = Int(text), (0...65535).contains(parsed) else {
                throw ConfigurationError(setting: EnvironmentVariable.httpPort.rawValue, problem: "'\(text)' is not a port", fix: "Use a number from 0 to 65535.")
            }
            httpPort = parsed
        } else {
            httpPort = defaultPort
        }
        let level: Logger.Level
        if let logLevel {
            level = logLevel
        } else if let text = environment[EnvironmentVariable.logLevel.rawValue] {
            guard let parsed = Logger.Level(rawValue: text.lowercased()) else {
                throw ConfigurationError(
                    setting: EnvironmentVariable.logLevel.rawValue, problem: "'\(text)' is not a log level",
                    fix: "Use one of: \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            level = parsed
        } else {
            level = .info
        }
        return ServiceConfiguration(
            serviceName: name,
            databasePath: databasePath ?? environment[EnvironmentVariable.database.rawValue] ?? ".entas/\(name).sqlite",
            kafka: try kafka.settings(environment: environment, clientID: "entas-\(name)"),
            logLevel: level,
            httpHost: host ?? environment[EnvironmentVariable.httpHost.rawValue] ?? "127.0.0.1",
            httpPort: httpPort, verifyingClusters: try VerifyingClusters.configured(in: environment))
    }
}

/// Everything a service needs to start.
public struct ServiceConfiguration: Sendable {
    /// `social-aid`, `empowerment`, `umkm`, `low-cost` or `coordinator`.
    public var serviceName: String
    public var databasePath: String
    public var kafka: KafkaSettings
    public var logLevel: Logger.Level
    public var httpHost: String
    /// 0 picks a free port (tests); the chosen one is reported by `onServerRunning`.
    public var httpPort: Int
    /// The clusters whose field verifications count (``VerifyingClusters``).
    public var verifyingClusters: Set<Cluster>

    public init(
        serviceName: String, databasePath: String, kafka: KafkaSettings, logLevel: Logger.Level = .info,
        httpHost: String = "127.0.0.1", httpPort: Int = 8080, verifyingClusters: Set<Cluster> = VerifyingClusters.defaultClusters
    ) {
        self.serviceName = serviceName
        self.databasePath = databasePath
        self.kafka = kafka
        self.logLevel = logLevel
        self.httpHost = httpHost
        self.httpPort = httpPort
        self.verifyingClusters = verifyingClusters
    }

    /// CloudEvents `ce_source` of this service's events.
    public var eventSource: String { "/entas/\(serviceName)" }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
