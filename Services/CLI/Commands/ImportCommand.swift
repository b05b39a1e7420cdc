import ArgumentParser
import EntasDomain
import Foundation

/// `entas import FILE.csv --service social-aid`: streams a CSV of households into a cluster
/// service, with a progress bar on standard error, then prints what was created, updated,
/// unchanged and rejected (rows numbered as in the file).
struct ImportCommand: AsyncParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV of households, or with --members of their members, into a cluster service (columns in docs/import.md).",
        discussion:
            "The file is sent in chunks (each with the header row), so any size imports with bounded memory. "
                + "Rejected rows are listed with their row number in the file (the header is row 1). Importing the "
                + "same file twice duplicates nothing. With --members the file lists the households' members, one "
                + "household's rows together (its whole list), and a chunk is cut only between households. The service's URL defaults to 127.0.0.1 on its port "
                + "(social-aid 8081, empowerment 8082, umkm 8083, low-cost 8084), or ENTAS_<SERVICE>_URL; its token "
                + "is --token or ENTAS_<SERVICE>_TOKEN (ENTAS_SOCIAL_AID_TOKEN, …).")

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv"))
    var file: String

    @Option(help: "The cluster service: social-aid, empowerment, umkm or low-cost.")
    var service: Cluster

    @Option(help: ArgumentHelp("The service's URL (env ENTAS_<SERVICE>_URL).", valueName: "url"))
    var serviceURL: String?

    @Option(help: ArgumentHelp("A token of that service (env ENTAS_<SERVICE>_TOKEN).", valueName: "token"))
    var token: String?

    @Option(help: "Records per request, 1 to 50000.")
    var chunkSize = 1_000

    @Flag(help: "The file is a members file (kkNumber, nik, name, relationship, sex, birthDate, …), beside the households file.")
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
