import EntasService
import Foundation
import Testing

/// docs/operations.md's "Monitor" section names the metrics and dead-letter headers the code
/// actually emits (its catalogues, `MetricName` and `DeadLetter.headers`, which the code registers
/// and writes through), so an operator's alerts and tools do not point at names that do not exist.
@Suite("docs/operations.md: monitoring")
struct MonitoringDocumentationTests {
    @Test("every Entas metric the services register is documented")
    func metrics() throws {
        let names = MetricName.allCases.map(\.rawValue)
        let document = try Repository.text("docs/operations.md")
        for name in names.sorted() {
            #expect(document.contains("`\(name)`"), "docs/operations.md does not name the metric \(name)")
        }
    }

    @Test("every dead-letter header and reason of the subscription loop is documented")
    func deadLetters() throws {
        let headers = DeadLetter.headers
        let reasons = DeadLetter.Reason.all
        let document = try Repository.text("docs/operations.md")
        for name in headers + reasons {
            #expect(document.contains("`\(name)`"), "docs/operations.md does not name \(name)")
        }
    }
}
