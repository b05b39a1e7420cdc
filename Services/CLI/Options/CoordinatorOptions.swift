import ArgumentParser
import EntasDomain
import EntasService
import Foundation

/// The options of every read command: where the coordinator is, its token, and the output
/// format. A flag wins over its environment variable.
struct CoordinatorOptions: ParsableArguments, Sendable {
    static let urlVariable = "ENTAS_COORDINATOR_URL"
    static let tokenVariable = "ENTAS_TOKEN"
    static let defaultURL = "http://127.0.0.1:8080"

    @Option(name: .customLong("coordinator"), help: Message("clihelp.coordinator.url").help(valueName: "url"))
    var coordinatorURL: String?

    @Option(help: Message("clihelp.coordinator.token").help(valueName: "token"))
    var token: String?

    @Option(help: Message("clihelp.coordinator.format").help)
    var format: OutputFormat = .table

    @OptionGroup var language: LanguageOptions

    init() {}

    /// Checks the URL and that a token was given, against `environment`. Commands call it from
    /// their `validate()` after checking their own arguments.
    func validateConnection(environment: [String: String]) throws {
        do {
            _ = try endpoint(environment: environment)
        } catch let error as MissingTokenError {
            throw ValidationError(error.description)
        } catch let error as InvalidURLError {
            throw ValidationError(error.description)
        }
    }

    /// The coordinator these options and `environment` name.
    /// - Throws: ``MissingTokenError`` without a token, ``InvalidURLError`` for a malformed URL.
    /// - Parameter tokenVariables: the variables that may hold the token, the first set one winning
    ///   (`ENTAS_TOKEN`; `ENTAS_ADMIN_TOKEN` first for a command that needs an admin token).
    func endpoint(environment: [String: String], tokenVariables: [String] = [Self.tokenVariable]) throws -> ServiceEndpoint {
        let text = coordinatorURL ?? environment[Self.urlVariable].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultURL
        let setting = ServiceEndpoint.urlSetting(flag: "--coordinator", variable: Self.urlVariable)
        let url = try ServiceEndpoint.parseURL(text, setting: setting)
        let fromEnvironment = tokenVariables.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        guard let token = token ?? fromEnvironment, !token.isEmpty else {
            throw MissingTokenError(serviceName: "coordinator", flag: "--token", variable: tokenVariables.joined(separator: Message("cli.word.or").rendered()))
        }
        return ServiceEndpoint(serviceName: "coordinator", baseURL: url, token: token, urlSetting: setting)
    }

    /// A client of the coordinator.
    func client(environment: [String: String]) throws -> APIClient {
        APIClient(endpoint: try endpoint(environment: environment))
    }
}
