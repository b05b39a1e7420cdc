import ArgumentParser
import EntasDomain
import Foundation

/// `--limit` and `--offset` of the household lists.
struct PageOptions: ParsableArguments, Sendable {
    /// The most households the coordinator lists on one page.
    static let maximumLimit = 1000

    @Option(help: "How many households to list, 1 to 1000.")
    var limit: Int = 100

    @Option(help: "How many to skip first (the next page starts at offset + limit).")
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
