import ArgumentParser
import EntasDomain
import Foundation

/// A command that asks the coordinator one question and prints the answer in the chosen
/// format. Its ``output(using:)`` returns the text, so tests run the real logic without a
/// terminal; `run()` prints it.
protocol CoordinatorReadCommand: AsyncParsableCommand, LanguageChoosing {
    var coordinator: CoordinatorOptions { get }

    /// Checks the command's own arguments (region, depth, months…); runs before the coordinator
    /// options are checked, so a malformed argument is reported even when no token is set.
    func validateArguments() throws

    /// The answer, rendered in `coordinator.format`.
    func output(using client: APIClient) async throws -> String
}

extension CoordinatorReadCommand {
    var language: LanguageOptions { coordinator.language }

    func validateArguments() throws {}

    func validate() throws {
        let environment = ProcessInfo.processInfo.environment
        try inChosenLanguage {
            try validateArguments()
            try coordinator.validateConnection(environment: environment)
        }
    }

    /// The answer from the coordinator that the options and `environment` name, in the language they choose.
    func output(environment: [String: String]) async throws -> String {
        try await inChosenLanguage {
            try await output(using: try coordinator.client(environment: environment))
        }
    }

    func run() async throws {
        print(try await output(environment: ProcessInfo.processInfo.environment))
    }

    /// Fetches `path`, then prints the coordinator's JSON as it came, or decodes it as `T` and
    /// renders it as a table or CSV.
    func fetch<T: Decodable>(
        _ type: T.Type, _ path: String, query: [URLQueryItem] = [], using client: APIClient,
        table: (T) -> String, csv: (T) -> String
    ) async throws -> String {
        let data = try await client.get(path, query: query)
        switch coordinator.format {
        case .json:
            return String(decoding: data, as: UTF8.self)
        case .table:
            return table(try client.decode(T.self, from: data, path: path))
        case .csv:
            return csv(try client.decode(T.self, from: data, path: path))
        }
    }
}
