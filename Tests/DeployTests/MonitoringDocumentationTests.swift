import Foundation
import Testing

/// docs/operations.md's "Monitor" section names the metrics and dead-letter headers the code
/// actually emits, so an operator's alerts and tools do not point at names that do not exist.
@Suite("docs/operations.md: monitoring")
struct MonitoringDocumentationTests {
    static func sources() throws -> String {
        let files = (Repository.swiftFiles(under: "Shared") + Repository.swiftFiles(under: "Services"))
            .filter { !$0.hasPrefix("Services/CLI/") }
        return try files.map { try Repository.text($0) }.joined(separator: "\n")
    }

    @Test("every Entas metric the services register is documented")
    func metrics() throws {
        let names = Set(try Self.sources().matches(of: #"(?:Counter|Gauge|Meter|Timer|Recorder)\(\s*label:\s*"(entas_[a-z_]+)""#).map { $0[1] })
        #expect(names.contains("entas_outbox_pending") && names.contains("entas_consumer_lag"), "the scan found \(names.sorted())")
        let document = try Repository.text("docs/operations.md")
        for name in names.sorted() {
            #expect(document.contains("`\(name)`"), "docs/operations.md does not name the metric \(name)")
        }
    }

    @Test("every dead-letter header and reason of the subscription loop is documented")
    func deadLetters() throws {
        let source = try Repository.text("Shared/EntasService/Subscription/DeadLetter.swift")
        let constants = source.matches(of: #"static let \w+ = "([a-z_-]+)""#).map { $0[1] }
        let headers = constants.filter { $0.hasPrefix("entas_") }
        let reasons = constants.filter { !$0.hasPrefix("entas_") }
        #expect(headers.count >= 6 && !reasons.isEmpty, "DeadLetter.swift: \(constants)")
        let document = try Repository.text("docs/operations.md")
        for name in headers + reasons {
            #expect(document.contains("`\(name)`"), "docs/operations.md does not name \(name)")
        }
    }
}
