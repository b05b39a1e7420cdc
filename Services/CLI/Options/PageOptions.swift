import ArgumentParser
import EntasDomain
import EntasService
import Foundation

/// `--limit` and `--offset` of the household lists.
struct PageOptions: ParsableArguments, Sendable {
    /// The most households the coordinator lists on one page.
    static let maximumLimit = 1000

    @Option(help: Message("clihelp.page.limit").help)
    var limit: Int = 100

    @Option(help: Message("clihelp.page.offset").help)
    var offset: Int = 0

    init() {}

    func validate() throws {
        guard (1...Self.maximumLimit).contains(limit) else {
            throw ValidationError(Message("cli.validation.limit", .text(String(Self.maximumLimit)), .text(String(limit))))
        }
        guard offset >= 0 else { throw ValidationError(Message("cli.validation.offset", .text(String(offset)))) }
    }

    var queryItems: [URLQueryItem] {
        [URLQueryItem(name: "limit", value: String(limit)), URLQueryItem(name: "offset", value: String(offset))]
    }
}
