import EntasDomain
import Testing

@testable import Coordinator
import EntasTestKit

@Suite(.english) struct ConsensusRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var latest: [PovertyStatus]
        var baseline: PovertyStatus?
        var consensus: PovertyStatus?
        var testDescription: String {
            "\(latest) baseline \(baseline.map(\.rawValue) ?? "none") → \(consensus.map(\.rawValue) ?? "none")"
        }
    }

    @Test(
        "consensus: majority, tie to the more severe, one assessment, else the baseline",
        arguments: [
            Case(latest: [.sangatMiskin, .sangatMiskin, .miskin], baseline: nil, consensus: .sangatMiskin),
            Case(
                latest: [.hampirMiskin, .hampirMiskin, .sangatMiskin], baseline: .sangatMiskin, consensus: .hampirMiskin
            ),
            Case(latest: [.miskin, .hampirMiskin], baseline: nil, consensus: .miskin),
            Case(
                latest: [.tidakMiskin, .hampirMiskin, .miskin, .sangatMiskin], baseline: nil, consensus: .sangatMiskin),
            Case(latest: [.graduated, .tidakMiskin], baseline: nil, consensus: .tidakMiskin),
            Case(latest: [.graduated, .graduated, .sangatMiskin], baseline: nil, consensus: .graduated),
            Case(latest: [.graduated, .graduated, .miskin, .miskin], baseline: nil, consensus: .miskin),
            Case(latest: [.tidakMiskin], baseline: .sangatMiskin, consensus: .tidakMiskin),
            Case(latest: [], baseline: .hampirMiskin, consensus: .hampirMiskin),
            Case(latest: [], baseline: nil, consensus: nil),
        ])
    func consensus(_ example: Case) {
        #expect(ConsensusRule.consensus(of: example.latest, baseline: example.baseline) == example.consensus)
        #expect(ConsensusRule.consensus(of: example.latest.reversed(), baseline: example.baseline) == example.consensus)
    }

    @Test("conflict when two latest assessments differ")
    func conflict() {
        #expect(!ConsensusRule.hasConflict([]))
        #expect(!ConsensusRule.hasConflict([.miskin]))
        #expect(!ConsensusRule.hasConflict([.miskin, .miskin]))
        #expect(ConsensusRule.hasConflict([.miskin, .miskin, .graduated]))
    }

    @Test("gap: SM or M without social aid; uncovered: SM without any cluster")
    func gap() {
        #expect(ConsensusRule.isGap(consensus: .sangatMiskin, coveredBy: []))
        #expect(ConsensusRule.isGap(consensus: .miskin, coveredBy: [.enterprise, .lowCost]))
        #expect(!ConsensusRule.isGap(consensus: .miskin, coveredBy: [.socialAid]))
        #expect(!ConsensusRule.isGap(consensus: .hampirMiskin, coveredBy: []))
        #expect(!ConsensusRule.isGap(consensus: nil, coveredBy: []))
        #expect(ConsensusRule.isUncovered(consensus: .sangatMiskin, coveredBy: []))
        #expect(!ConsensusRule.isUncovered(consensus: .sangatMiskin, coveredBy: [.lowCost]))
        #expect(!ConsensusRule.isUncovered(consensus: .miskin, coveredBy: []))
    }
}

@Suite(.english) struct StatusTimelineTests {
    private func fact(_ cluster: Cluster, _ status: PovertyStatus, _ day: String, _ id: String) throws -> StatusFact {
        StatusFact(
            cluster: cluster, status: status,
            order: FactOrder(day: try CalendarDate(day), time: Timestamp(milliseconds: 0), eventId: id))
    }

    @Test("changes follow the dated facts, whatever their order, and sum to the current consensus")
    func changes() throws {
        let facts = [
            try fact(.socialAid, .sangatMiskin, "2027-01-10", "a"),
            try fact(.enterprise, .miskin, "2027-02-10", "b"),  // tie SM/M → SM: no change
            try fact(.socialAid, .miskin, "2027-03-10", "c"),  // M/M → M
            try fact(.socialAid, .graduated, "2027-05-01", "d"),  // G/M → M: no change
            try fact(.enterprise, .graduated, "2027-06-01", "e"),  // G/G → G
        ]
        let january = try CalendarMonth("2027-01")
        let expected: [MonthStatus: Int] = [
            MonthStatus(month: january, status: .sangatMiskin): 1,
            MonthStatus(month: try CalendarMonth("2027-03"), status: .sangatMiskin): -1,
            MonthStatus(month: try CalendarMonth("2027-03"), status: .miskin): 1,
            MonthStatus(month: try CalendarMonth("2027-06"), status: .miskin): -1,
            MonthStatus(month: try CalendarMonth("2027-06"), status: .graduated): 1,
        ]
        #expect(StatusTimeline.changes(facts: facts, baseline: nil) == expected)
        #expect(StatusTimeline.changes(facts: facts.reversed(), baseline: nil) == expected)
        // A registration baseline counts from its month until the first assessment.
        let withBaseline = StatusTimeline.changes(
            facts: facts, baseline: (.hampirMiskin, try CalendarMonth("2026-11")))
        #expect(withBaseline[MonthStatus(month: try CalendarMonth("2026-11"), status: .hampirMiskin)] == 1)
        #expect(withBaseline[MonthStatus(month: january, status: .hampirMiskin)] == -1)
        #expect(withBaseline.values.reduce(0, +) == 1)
    }

    @Test("months and instants read back what they write")
    func textForms() throws {
        #expect(try CalendarMonth("2027-03").description == "2027-03")
        #expect(try CalendarMonth("2027-12").next.description == "2028-01")
        #expect(try CalendarMonth("2027-01").months(to: try CalendarMonth("2028-03")) == 14)
        #expect(throws: CalendarMonthError.self) { try CalendarMonth("2027-13") }
        #expect(throws: CalendarMonthError.self) { try CalendarMonth("2027-3") }
        let instant = Timestamp(milliseconds: 1_805_084_400_123)
        #expect(instant.description == "2027-03-15T04:20:00.123Z")
        #expect(Timestamp(text: instant.description) == instant)
        #expect(Timestamp(text: "2027-03-15 02:20:00.123") == nil)
    }

    @Test("instants print as fixed-width RFC 3339 in UTC, as the padded text they were first written as, and parse back")
    func instantText() throws {
        // The text as the read model first wrote it (string interpolation, zero-padded), to compare against.
        func reference(_ milliseconds: Int64) -> String {
            func padded(_ value: Int, _ width: Int) -> String {
                String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
            }
            let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
            let inDay = Int(milliseconds - days * 86_400_000)
            let day = CalendarDate(daysSinceEpoch: Int(days))
            return "\(padded(day.year, 4))-\(padded(day.month, 2))-\(padded(day.day, 2))T\(padded(inDay / 3_600_000, 2)):"
                + "\(padded(inDay / 60_000 % 60, 2)):\(padded(inDay / 1000 % 60, 2)).\(padded(inDay % 1000, 3))Z"
        }
        var random = SystemRandomNumberGenerator()
        let instants = [0, -1, 86_399_999, 86_400_000, 1_805_084_400_123, -62_135_596_800_000, 253_402_300_799_999]
            + (0..<2_000).map { _ in Int64.random(in: -2_208_988_800_000...4_102_444_800_000, using: &random) }
        for milliseconds in instants {
            let instant = Timestamp(milliseconds: milliseconds)
            #expect(instant.description == reference(milliseconds), "\(milliseconds)")
            #expect(Timestamp(text: instant.description) == instant)
        }
        for malformed in ["", "2027-03-15T04:20:00.123", "2027-03-15T04:20:00.123Zx", "2027-03-15T24:00:00.000Z",
            "2027-02-29T04:20:00.123Z", "2027-03-15T04-20:00.123Z", "2027-03-15T04:20:00,123Z", "2027-03-15T04:2a:00.123Z"]
        {
            #expect(Timestamp(text: malformed) == nil, "\(malformed)")
        }
    }
}
