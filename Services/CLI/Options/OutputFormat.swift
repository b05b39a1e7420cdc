import ArgumentParser

/// How a read command prints its answer: an aligned table for people, the coordinator's JSON
/// for programs, or CSV for spreadsheets.
enum OutputFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    case table
    case json
    case csv

    static var defaultValueDescription: String { "table" }
}
