import EntasDomain
import Foundation
import Testing

@Suite struct PovertyClassificationTests {
    @Test(
        "the banding holds at every boundary",
        arguments: [
            (0, PovertyStatus.tidakMiskin), (5, .tidakMiskin),
            (6, .hampirMiskin), (8, .hampirMiskin),
            (9, .miskin), (11, .miskin),
            (12, .sangatMiskin), (14, .sangatMiskin),
        ])
    func boundaries(count: Int, expected: PovertyStatus) {
        #expect(PovertyClassification.status(criteriaMetCount: count) == expected)
    }

    @Test("every count 0–14 falls in exactly the band its status names")
    func everyCount() throws {
        for count in PovertyClassification.criteriaCountRange {
            let status = PovertyClassification.status(criteriaMetCount: count)
            let band = try #require(PovertyClassification.criteriaCounts(for: status))
            #expect(band.contains(count))
        }
        #expect(PovertyClassification.criteriaCounts(for: .graduated) == nil)
    }

    @Test(
        "counts outside 0–14 are clamped",
        arguments: [
            (-1, PovertyStatus.tidakMiskin), (Int.min, .tidakMiskin), (15, .sangatMiskin), (Int.max, .sangatMiskin),
        ])
    func clamped(count: Int, expected: PovertyStatus) {
        #expect(PovertyClassification.status(criteriaMetCount: count) == expected)
    }

    @Test("a set of criteria is counted once each")
    func set() {
        let nine = Set(PovertyCriterion.allCases.prefix(9))
        #expect(PovertyClassification.status(criteriaMet: nine) == .miskin)
        #expect(PovertyClassification.status(criteriaMet: Set<PovertyCriterion>()) == .tidakMiskin)
        #expect(PovertyClassification.status(criteriaMet: Set(PovertyCriterion.allCases)) == .sangatMiskin)
    }

    @Test("a list of criteria is counted once each, as the set of them")
    func list() {
        let all = PovertyCriterion.allCases
        #expect(PovertyClassification.status(criteriaMet: [PovertyCriterion]()) == .tidakMiskin)
        #expect(PovertyClassification.status(criteriaMet: Array(all.prefix(9))) == .miskin)
        #expect(PovertyClassification.status(criteriaMet: Array(all.prefix(6) + all.prefix(6))) == .hampirMiskin)
        #expect(PovertyClassification.status(criteriaMet: all + all) == .sangatMiskin)
        for count in 0...14 {
            let list = Array(all.shuffled().prefix(count))
            #expect(PovertyClassification.status(criteriaMet: list) == PovertyClassification.status(criteriaMet: Set(list)))
        }
    }
}

@Suite struct PovertyStatusTests {
    @Test("statuses have their abbreviations, labels and raw values")
    func names() {
        #expect(PovertyStatus.allCases.map(\.abbreviation) == ["SM", "M", "HM", "TM", "G"])
        #expect(
            PovertyStatus.allCases.map(\.rawValue) == [
                "sangatMiskin", "miskin", "hampirMiskin", "tidakMiskin", "graduated",
            ])
        #expect(PovertyStatus.sangatMiskin.label == "Sangat Miskin")
        #expect(PovertyStatus(abbreviation: "hm") == .hampirMiskin)
        #expect(PovertyStatus(abbreviation: "X") == nil)
    }

    @Test("severity puts sangatMiskin highest and only SM, M and HM count as poor")
    func severity() {
        let bySeverity = PovertyStatus.allCases.sorted { $0.severity > $1.severity }
        #expect(bySeverity == [.sangatMiskin, .miskin, .hampirMiskin, .tidakMiskin, .graduated])
        #expect(PovertyStatus.allCases.filter(\.isPoor) == [.sangatMiskin, .miskin, .hampirMiskin])
    }
}

@Suite struct PovertyCriterionTests {
    @Test("there are 14 criteria numbered 1–14 with the identifiers of poverty-criteria.md")
    func identifiers() throws {
        #expect(PovertyCriterion.allCases.count == 14)
        #expect(PovertyCriterion.allCases.map(\.number) == Array(1...14))
        #expect(PovertyCriterion(number: 1) == .floorAreaUnder8m2PerPerson)
        #expect(PovertyCriterion(number: 15) == nil)
        #expect(PovertyCriterion.noSavingsOrAssets500k.rawValue == "no_savings_or_assets_500k")
        for criterion in PovertyCriterion.allCases {
            #expect(!criterion.indonesianLabel.isEmpty)
            #expect(!criterion.englishLabel.isEmpty)
        }
    }

    @Test("the identifiers match the table in the bundled poverty-criteria.md")
    func matchesDocument() throws {
        let source = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Shared/EntasDomain/Resources/poverty-criteria.md")
        let text = try String(contentsOf: source, encoding: .utf8)
        for criterion in PovertyCriterion.allCases {
            #expect(text.contains("| \(criterion.number) | `\(criterion.rawValue)` |"), "\(criterion.rawValue)")
        }
    }
}
