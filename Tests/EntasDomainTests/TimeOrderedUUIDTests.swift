import EntasDomain
import Foundation
import Testing

@Suite struct TimeOrderedUUIDTests {
    @Test("a time-ordered id is version 7 with the RFC 9562 variant, its first 48 bits the Unix milliseconds")
    func layout() {
        let date = Date(timeIntervalSince1970: 1_796_378_400.123)  // 2026-12-04 10:40:00.123 UTC
        let id = UUID.timeOrdered(at: date)
        let bytes = withUnsafeBytes(of: id.uuid) { Array($0) }
        #expect(bytes[6] >> 4 == 7)
        #expect(bytes[8] >> 6 == 0b10)
        let milliseconds = bytes[0..<6].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(milliseconds == 1_796_378_400_123)
    }

    @Test("ids made in later milliseconds sort after earlier ones, as text too; ids in one millisecond differ")
    func order() {
        var generator = SystemRandomNumberGenerator()
        let ids = (0..<1_000).map { UUID.timeOrdered(milliseconds: 1_796_378_400_000 + UInt64($0), using: &generator) }
        let texts = ids.map { $0.lowercaseText }
        #expect(texts == texts.sorted())
        let sameMillisecond = (0..<1_000).map { _ in UUID.timeOrdered(milliseconds: 1_796_378_400_000, using: &generator) }
        #expect(Set(sameMillisecond).count == 1_000)
    }

    @Test("an event's id is time-ordered unless one is given")
    func envelope() throws {
        let payload = try Fixtures.graduated().eventPayload
        let first = EventEnvelope(cluster: .enterprise, payload: payload)
        let bytes = withUnsafeBytes(of: first.id.uuid) { Array($0) }
        #expect(bytes[6] >> 4 == 7)
        let given = UUID()
        #expect(EventEnvelope(id: given, cluster: .enterprise, payload: payload).id == given)
    }

    @Test("an id's lowercase text is Foundation's text lowercased, for random, time-ordered and extreme ids")
    func lowercaseText() {
        let extremes = [
            UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
            UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)),
        ]
        for id in extremes + (0..<2_000).map({ _ in UUID() }) + (0..<2_000).map({ _ in UUID.timeOrdered() }) {
            #expect(id.lowercaseText == id.uuidString.lowercased())
        }
    }

    @Test("an id is read from its text exactly as Foundation reads it: either case, and malformed text refused")
    func parse() {
        for id in (0..<2_000).map({ _ in UUID() }) + (0..<500).map({ _ in UUID.timeOrdered() }) {
            let upper = id.uuidString
            let mixed = String(upper.enumerated().map { $0.offset % 3 == 0 ? Character($0.element.lowercased()) : $0.element })
            for text in [upper, upper.lowercased(), mixed] {
                #expect(UUID.parse(text) == id)
                #expect(UUID.parse(text) == UUID(uuidString: text))
            }
        }
        let malformed = [
            "", "0190f5c2-7a3b-7c4d-8e5f-0123456789a", "0190f5c2-7a3b-7c4d-8e5f-0123456789abc", "0190f5c2x7a3b-7c4d-8e5f-0123456789ab",
            "0190f5c2-7a3b-7c4d-8e5f-0123456789ag", "0190f5c27a3b7c4d8e5f0123456789ab", "{0190f5c2-7a3b-7c4d-8e5f-0123456789ab}",
            "0190f5c2-7a3b-7c4d-8e5f-0123456789\u{00E9}", " 190f5c2-7a3b-7c4d-8e5f-0123456789ab", "+190f5c2-7a3b-7c4d-8e5f-0123456789ab",
        ]
        for text in malformed {
            #expect(UUID.parse(text) == UUID(uuidString: text), "\(text)")
        }
        #expect(UUID.parse("0190f5c2-7a3b-7c4d-8e5f-0123456789ag") == nil)
    }
}
