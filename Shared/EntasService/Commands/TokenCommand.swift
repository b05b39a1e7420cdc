import ArgumentParser
import EntasStore
import Foundation

/// `entas-<service> token create|list|revoke`: the bearer tokens of this service.
public struct TokenCommand<Executable: ServiceExecutable>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "token", abstract: "Issue, list or revoke this service's bearer tokens.",
            subcommands: [TokenCreateCommand<Executable>.self, TokenListCommand<Executable>.self, TokenRevokeCommand<Executable>.self])
    }

    public init() {}
}

/// Opens only the token table's store, without Kafka.
struct TokenOptions: ParsableArguments {
    @Option(name: .customLong("database"), help: "The service's SQLite file (env ENTAS_DATABASE).")
    var databasePath: String?

    func tokens<Executable: ServiceExecutable>(_ executable: Executable.Type) throws -> TokenStore {
        let service = Executable.serviceName
        let path = databasePath ?? ProcessInfo.processInfo.environment[EnvironmentVariable.database.rawValue] ?? ".entas/\(service).sqlite"
        let database = try EntasDatabase.openPool(at: path, migrator: ServiceRuntime.migrator(Executable.registerMigrations))
        return TokenStore(database, service: service)
    }
}

public struct TokenCreateCommand<Executable: ServiceExecutable>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "create", abstract: "Issue a token; it is printed once and stored only as a hash.")
    }
    @Option(help: "Who holds the token, e.g. field-team-jember.") var name: String
    @Option(help: "read (reads only), write (reads and writes, the default) or admin (also settings and the audit trail).")
    var role: TokenRole = .write
    @OptionGroup var options: TokenOptions
    public init() {}

    public func run() async throws {
        let (token, _) = try await options.tokens(Executable.self).create(name: name, role: role)
        print(token)
    }
}

public struct TokenListCommand<Executable: ServiceExecutable>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: "List tokens (names and dates, never the tokens).") }
    @OptionGroup var options: TokenOptions
    public init() {}

    public func run() async throws {
        for token in try await options.tokens(Executable.self).list() {
            let state = token.revokedAt.map { "revoked \($0.formatted(.iso8601))" } ?? "active"
            print("\(token.name)\t\(token.role.rawValue)\t\(token.createdAt.formatted(.iso8601))\t\(state)")
        }
    }
}

public struct TokenRevokeCommand<Executable: ServiceExecutable>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration { CommandConfiguration(commandName: "revoke", abstract: "Revoke every token of a name.") }
    @Option(help: "The name the tokens were issued to.") var name: String
    @OptionGroup var options: TokenOptions
    public init() {}

    public func run() async throws {
        let count = try await options.tokens(Executable.self).revoke(name: name)
        print("revoked \(count) token(s) named \(name)")
    }
}

extension TokenRole: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
}
