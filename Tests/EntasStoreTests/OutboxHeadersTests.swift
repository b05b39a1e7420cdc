import Foundation
import Testing

@testable import EntasStore

@Suite struct OutboxHeadersTests {
    private static let foundationEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private func foundationText(_ headers: [String: String]) throws -> String {
        String(decoding: try Self.foundationEncoder.encode(headers), as: UTF8.self)
    }

    @Test("the headers' text is Foundation's sorted JSON, plain or escaped, and reads back as written")
    func sameTextAsFoundation() throws {
        let samples: [[String: String]] = [
            [:],
            [
                "ce_id": "0190f5c2-7a3b-7c4d-8e5f-0123456789ab", "ce_source": "/entas/social-aid", "ce_specversion": "1.0",
                "ce_time": "2026-12-04T10:40:00.123Z", "ce_type": "id.go.jatimprov.entas.household.registered",
                "content-type": "application/json",
            ],
            ["entas_actor": "Siti Nurhalizah — Dinas Sosial Kab. Jember ✓ 🏠", "a": ""],
            ["note": "quote \" backslash \\ slash / newline \n tab \t bell \u{07} delete \u{7F}"],
            ["\"key\"": "value", "key\\": "\u{0}"],
        ]
        for headers in samples {
            let text = try OutboxHeaders.text(headers)
            #expect(text == (try foundationText(headers)))
            #expect(try OutboxHeaders.headers(text) == headers)
        }
    }

    @Test("random headers written by Foundation read back the same")
    func randomRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        let scalars: [Unicode.Scalar] = ["a", "Z", "0", " ", "/", "\"", "\\", "\n", "\u{1F}", "\u{7F}", "é", "ŋ", "€", "🏠", ":", ",", "{", "}"]
        func randomString() -> String {
            String(String.UnicodeScalarView((0..<Int.random(in: 0...12, using: &generator)).map { _ in
                scalars.randomElement(using: &generator) ?? "a"
            }))
        }
        for _ in 0..<500 {
            var headers: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...6, using: &generator) { headers[randomString()] = randomString() }
            #expect(try OutboxHeaders.headers(foundationText(headers)) == headers)
            #expect(try OutboxHeaders.headers(OutboxHeaders.text(headers)) == headers)
            let inOrder = headers.sorted { $0.key < $1.key }.map { OutboxHeader(name: $0.key, value: Data($0.value.utf8)) }
            #expect(try OutboxHeaders.pairs(foundationText(headers)) == inOrder)
            #expect(try OutboxHeaders.pairs(OutboxHeaders.text(headers)) == inOrder)
        }
    }

    @Test("the relay's headers come in name order, also from text whose keys another writer left unsorted")
    func pairsInNameOrder() throws {
        let expected = [("a", "1"), ("b", "2"), ("ce_id", "x")].map { OutboxHeader(name: $0, value: Data($1.utf8)) }
        #expect(try OutboxHeaders.pairs("{\"a\":\"1\",\"b\":\"2\",\"ce_id\":\"x\"}") == expected)
        #expect(try OutboxHeaders.pairs("{\"ce_id\":\"x\",\"b\":\"2\",\"a\":\"1\"}") == expected)
        #expect(try OutboxHeaders.pairs("{}") == [])
        #expect(throws: DecodingError.self) { try OutboxHeaders.pairs("{\"a\":\"1\",\"b\":2}") }
    }

    @Test("text another writer spaced out reads too; text that is not an object of strings is an error")
    func otherText() throws {
        #expect(try OutboxHeaders.headers("{ \"ce_id\" : \"x\" ,\n \"b\":\"c\" }") == ["ce_id": "x", "b": "c"])
        for text in ["", "[]", "{\"a\":1}", "{\"a\":\"b\"", "{\"a\":\"b\"}x", "{\"a\":null}"] {
            #expect(throws: DecodingError.self, "\(text)") { try OutboxHeaders.headers(text) }
        }
    }
}
