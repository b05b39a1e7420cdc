import ArgumentParser
import EntasDomain
import EntasService
import Foundation

/// `entas import FILE.csv --service social-aid`: streams a CSV of households into a cluster
/// service, with a progress bar on standard error, then prints what was created, updated,
/// unchanged and rejected (rows numbered as in the file).
struct ImportCommand: AsyncParsableCommand, LanguageChoosing {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: Message("clihelp.import.abstract").rendered(),
            discussion: Message("clihelp.import.discussion").rendered())
    }

    @Argument(help: Message("clihelp.import.file").help(valueName: "file.csv"))
    var file: String

    @Option(help: Message("clihelp.service.cluster").help)
    var service: Cluster

    @Option(help: Message("clihelp.service.url").help(valueName: "url"))
    var serviceURL: String?

    @Option(help: Message("clihelp.service.token").help(valueName: "token"))
    var token: String?

    @Option(help: Message("clihelp.import.batch").help)
    var chunkSize = 1_000

    @Flag(help: Message("clihelp.import.members").help)
    var members = false

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        try inChosenLanguage {
            guard (1...50_000).contains(chunkSize) else {
                throw ValidationError(Message("cli.validation.chunkSize", .text(String(chunkSize))))
            }
            do {
                _ = try endpoint(environment: ProcessInfo.processInfo.environment)
            } catch let error as MissingTokenError {
                throw ValidationError(error.description)
            } catch let error as InvalidURLError {
                throw ValidationError(error.description)
            }
        }
    }

    func endpoint(environment: [String: String]) throws -> ServiceEndpoint {
        try ImportTarget.endpoint(service, url: serviceURL, token: token, environment: environment)
    }

    /// Uploads the file and returns the summary text; `progress` sees each chunk's progress.
    func output(
        environment: [String: String], progress: @Sendable (ImportUploader.Progress) -> Void = { _ in }
    ) async throws -> String {
        try await inChosenLanguage {
            let endpoint = try endpoint(environment: environment)
            let uploader = ImportUploader(client: APIClient(endpoint: endpoint, timeout: 600), chunkSize: chunkSize, members: members)
            let summary = try await uploader.upload(file: file, progress: progress)
            return ImportOutput.summary(summary, file: file, service: "\(service.serviceName) (\(endpoint.baseURL.absoluteString))")
        }
    }

    func run() async throws {
        let terminal = Console.errorIsTerminal
        let text: String
        do {
            text = try await output(environment: ProcessInfo.processInfo.environment) { progress in
                if terminal { Console.errorRaw("\r" + ImportOutput.progressBar(progress)) }
            }
        } catch {
            if terminal { Console.errorRaw("\n") }
            throw error
        }
        if terminal { Console.errorRaw("\n") }
        print(text)
    }
}
