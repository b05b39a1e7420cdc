import EntasDomain
import Foundation
import Testing

@Suite struct DocumentedExamplesTests {
    /// `docs/events.md`, found from this file's real location (the test folder may be reached through a symlink).
    static let documentURL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/events.md")

    /// The `(ce_type, json)` pairs of the document: every ```json block preceded by an "Example (`ce_type`):" line.
    static func documentExamples() throws -> [(ceType: String, json: String)] {
        let lines = try String(contentsOf: documentURL, encoding: .utf8).components(separatedBy: "\n")
        var examples: [(ceType: String, json: String)] = []
        var lastType: String?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("Example (`"), let end = line.dropFirst(10).firstIndex(of: "`") {
                lastType = String(line.dropFirst(10)[..<end])
            } else if line == "```json" {
                var body: [String] = []
                index += 1
                while index < lines.count, lines[index] != "```" {
                    body.append(lines[index])
                    index += 1
                }
                examples.append((lastType ?? "", body.joined(separator: "\n")))
                lastType = nil
            }
            index += 1
        }
        return examples
    }

    static func decode(ceType: String, json: String) throws -> EventEnvelope {
        try EventEnvelope.decode(headers: Fixtures.headers(ceType: ceType), value: Data(json.utf8))
    }

    @Test("every example copied from docs/events.md decodes as its type")
    func copiedExamplesDecode() throws {
        #expect(DocumentedExamples.byType.map(\.ceType) == EventType.supported.map(\.ceType))
        for example in DocumentedExamples.byType {
            let envelope = try Self.decode(ceType: example.ceType, json: example.json)
            #expect(envelope.eventType.ceType == example.ceType)
            #expect(try EventEnvelope.decode(try envelope.encoded()) == envelope)
        }
    }

    @Test("docs/events.md has one example per type and each decodes to the copy in the tests")
    func documentExamplesDecode() throws {
        let examples = try Self.documentExamples()
        #expect(examples.map(\.ceType) == EventType.supported.map(\.ceType))
        for (documented, copied) in zip(examples, DocumentedExamples.byType) {
            let fromDocument = try Self.decode(ceType: documented.ceType, json: documented.json)
            let fromCopy = try Self.decode(ceType: copied.ceType, json: copied.json)
            #expect(fromDocument.payload == fromCopy.payload, "\(documented.ceType)")
        }
    }

    @Test("docs/events.md lists every dead-letter code and every topic")
    func documentListsCodesAndTopics() throws {
        let text = try String(contentsOf: Self.documentURL, encoding: .utf8)
        for code in EventDecodingError.allCodes { #expect(text.contains("| `\(code)` |"), "\(code)") }
        for topic in EntasTopic.allCases { #expect(text.contains("| `\(topic.name)` |"), "\(topic.name)") }
        for type in EventType.supported { #expect(text.contains("## \(type.name) v\(type.version)"), "\(type.ceType)") }
    }
}
