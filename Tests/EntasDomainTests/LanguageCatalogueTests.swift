import EntasDomain
import Foundation
import Testing

@Suite("Language catalogues and id-ID formats")
struct LanguageCatalogueTests {
    let catalogue: Catalogue

    init() throws {
        catalogue = try Catalogue.loadBundled()
    }

    @Test("both catalogues hold the same keys, and each key names the same values")
    func sameKeys() throws {
        let english = try #require(catalogue.texts[.english])
        let indonesian = try #require(catalogue.texts[.indonesian])
        func base(_ key: String) -> String { key.hasSuffix(".one") ? String(key.dropLast(4)) : key }
        let englishKeys = Set(english.keys.map(base)), indonesianKeys = Set(indonesian.keys.map(base))
        #expect(englishKeys.subtracting(indonesianKeys).sorted() == [], "keys missing from the Indonesian catalogue")
        #expect(indonesianKeys.subtracting(englishKeys).sorted() == [], "keys missing from the English catalogue")
        for (key, text) in english.merging(indonesian, uniquingKeysWith: { first, _ in first }) {
            let named = Catalogue.placeholders(in: text)
            let other = english[base(key)].map(Catalogue.placeholders(in:)) ?? []
            #expect(named.isSubset(of: other.union(named)), "\(key)")
            if let indonesianText = indonesian[key], let englishText = english[key] {
                #expect(
                    Catalogue.placeholders(in: indonesianText) == Catalogue.placeholders(in: englishText),
                    "\(key) names other values in Indonesian than in English")
            }
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) is empty")
        }
    }

    @Test("every key the code names is in the catalogues")
    func keysOfTheCode() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let english = try #require(catalogue.texts[.english])
        let pattern = try Regex(#"Message\(\s*"([a-zA-Z0-9_.]+)""#)
        var missing: [String] = []
        var named = 0
        for folder in ["Shared", "Services", "Tools"] {
            let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard url.pathExtension == "swift", let source = try? String(contentsOf: url, encoding: .utf8) else { continue }
                for match in source.matches(of: pattern) {
                    guard let key = match.output[1].substring.map(String.init) else { continue }
                    named += 1
                    if english[key] == nil { missing.append("\(url.lastPathComponent): \(key)") }
                }
            }
        }
        #expect(named > 0)
        #expect(missing == [], "keys the code names that no catalogue holds")
    }

    @Test("a message renders in each language, values as the language writes them")
    func rendering() throws {
        let catalogue = Catalogue(texts: [
            .english: ["n": "{0} households, {1} covered", "n.one": "{0} household, {1} covered", "money": "{0} on {1}"],
            .indonesian: ["n": "{0} rumah tangga, {1} tercakup", "money": "{0} pada {1}"],
        ])
        #expect(catalogue.render(Message("n", .count(12_827), .percent(0.725, digits: 1)), in: .indonesian) == "12.827 rumah tangga, 72,5% tercakup")
        #expect(catalogue.render(Message("n", .count(12_827), .percent(0.725, digits: 1)), in: .english) == "12,827 households, 72.5% covered")
        #expect(catalogue.render(Message("n", .count(1), .percent(1, digits: 0)), in: .english) == "1 household, 100% covered")
        let day = try CalendarDate(year: 2026, month: 12, day: 3)
        #expect(catalogue.render(Message("money", .rupiah(750_000), .day(day)), in: .indonesian) == "Rp750.000 pada 3 Desember 2026")
        #expect(catalogue.render(Message("money", .rupiah(750_000), .day(day)), in: .english) == "Rp 750,000 on 3 Dec 2026")
        #expect(catalogue.render(Message("absent"), in: .indonesian) == "⟦absent⟧")
    }

    @Test("id-ID formats: 12.827, 72,5%, Rp750.000, 3 Desember 2026, WIB")
    func formats() throws {
        #expect(Language.indonesian.count(12_827) == "12.827")
        #expect(Language.english.count(12_827) == "12,827")
        #expect(Language.indonesian.count(1_485) == "1.485")
        #expect(Language.indonesian.percent(0.725, digits: 1) == "72,5%")
        #expect(Language.indonesian.rupiah(750_000) == "Rp750.000")
        #expect(Language.indonesian.month(try CalendarMonth(year: 2026, month: 12)) == "Des 2026")
        let instant = try #require(ISO8601DateFormatter().date(from: "2026-12-03T07:05:00Z"))
        #expect(Language.indonesian.time(instant) == "3 Desember 2026 14.05 WIB")
        #expect(Language.english.time(instant) == "2026-12-03 14:05 WIB")
    }

    @Test("languages from tags, Accept-Language and the CLI's environment")
    func choosing() {
        #expect(Language(tag: "id_ID.UTF-8") == .indonesian)
        #expect(Language(tag: "en-GB") == .english)
        #expect(Language(tag: "C.UTF-8") == nil)
        #expect(Language(acceptLanguage: "en-US,en;q=0.9,id;q=0.8") == .english)
        #expect(Language(acceptLanguage: "de, id;q=0.5, en;q=0.4") == .indonesian)
        #expect(Language(acceptLanguage: "fr, de") == nil)
        #expect(Language(acceptLanguage: "en;q=0, id") == .indonesian)
        #expect(Language.chosen(flag: nil, environment: ["LANG": "C.UTF-8"]) == .indonesian)
        #expect(Language.chosen(flag: nil, environment: ["LANG": "en_US.UTF-8"]) == .english)
        #expect(Language.chosen(flag: nil, environment: ["LANG": "en_US.UTF-8", "ENTAS_LANG": "id"]) == .indonesian)
        #expect(Language.chosen(flag: .english, environment: ["ENTAS_LANG": "id"]) == .english)
    }
}
