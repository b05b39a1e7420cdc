import ArgumentParser
import EntasDomain
import EntasStore
import Foundation

/// `entas-<service> token create|list|revoke`: the bearer tokens of this service.
public struct TokenCommand<Executable: ServiceExecutable>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "token", abstract: "Issue, list, scope or revoke this service's bearer tokens.",
            discussion: """
                A token belongs to a named operator, with a role (read, write, admin) and a region: the province (35, \
                the default), a kabupaten/kota (35.09) or a kecamatan (35.09.31). Outside its region a token is \
                answered 403 outside-region and its lists hold only its region's households.
                """,
            subcommands: [
                TokenCreateCommand<Executable>.self, TokenListCommand<Executable>.self, TokenScopeCommand<Executable>.self,
                TokenRevokeCommand<Executable>.self,
            ])
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
    @Option(
        help: "The region it reads and writes: 35 (the province, the default), a kabupaten/kota (35.09) or a kecamatan (35.09.31).",
        transform: RegionScope.parse)
    var region: RegionScope = .province
    @OptionGroup var options: TokenOptions
    public init() {}

    public func run() async throws {
        let (token, _) = try await options.tokens(Executable.self).create(name: name, role: role, region: region.region)
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
            print("\(token.name)\t\(token.role.rawValue)\t\(token.region.dotted)\t\(token.createdAt.formatted(.iso8601))\t\(state)")
        }
    }
}

public struct TokenScopeCommand<Executable: ServiceExecutable>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "scope", abstract: "Set the region of every live token of a name (35 for the whole province).")
    }
    @Option(help: "The name the tokens were issued to.") var name: String
    @Option(help: "The region: 35, a kabupaten/kota (35.09) or a kecamatan (35.09.31).", transform: RegionScope.parse)
    var region: RegionScope
    @OptionGroup var options: TokenOptions
    public init() {}

    public func run() async throws {
        let count = try await options.tokens(Executable.self).scope(name: name, to: region.region)
        guard count > 0 else { throw ValidationError("no live token is named \(name); see `token list`") }
        print("\(count) token(s) named \(name) now read and write \(region)")
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
