import EntasAPI
import EntasDomain
import Foundation
import Testing

@testable import CLI
import EntasTestKit

/// What `entas` prints in Bahasa Indonesia (the default) and in English on request: the overview with
/// Indonesian numbers and columns, the order `--lang`, `ENTAS_LANG`, `LANG` are read in, and the CLI's own
/// errors, through the renderers and the built `entas` executable.
@Suite("entas in Bahasa Indonesia and English")
struct LanguageTests {
    /// Kabupaten Jember with Kecamatan Sumberjambe's PPLS 2008 households: 12,827 = 1,485 SM + 5,574 M + 5,768 HM.
    static func sumberjambe() throws -> Overview {
        let totals = Fixtures.totals(
            households: 12_827, sm: 1_485, m: 5_574, hm: 5_768, socialAid: 6_413, empowerment: 1_283, gaps: 2_345, conflicts: 123)
        return Overview(
            region: try Fixtures.summary("35.09", "Kabupaten Jember", totals), depth: 1,
            regions: [try Fixtures.summary("35.09.31", "Sumberjambe", totals)])
    }

    /// The cells of the row that starts with `code`.
    static func row(_ code: String, in text: String) -> [String]? {
        text.split(separator: "\n").first { $0.hasPrefix(code + " ") }.map { $0.split(separator: " ").map(String.init) }
    }

    @Test("the overview in Bahasa Indonesia: 12.827, Indonesian columns and legend, within 80 columns", .language(.indonesian))
    func overviewIndonesian() throws {
        let text = OverviewOutput.table(try Self.sumberjambe())
        let row = try #require(Self.row("35.09.31", in: text), "\(text)")
        #expect(Array(row.prefix(6)) == ["35.09.31", "Sumberjambe", "12.827", "1.485", "5.574", "5.768"], "\(text)")
        #expect(row.suffix(2) == ["2.345", "123"])
        #expect(text.hasPrefix("Kabupaten Jember (kabupaten/kota 35.09): 1 kecamatan dengan rumah tangga"), "\(text)")
        let header = try #require(text.split(separator: "\n").first { $0.hasPrefix("Kode") }, "\(text)")
        #expect(header.split(separator: " ") == ["Kode", "Nama", "Ruta", "SM", "M", "HM", "Grad", "BS%", "PM%", "UM%", "PR%", "Celah", "Beda"])
        let total = try #require(text.split(separator: "\n").first { $0.hasPrefix("35.09 ") })
        #expect(total.split(separator: " ").prefix(3) == ["35.09", "Jumlah", "12.827"])
        let legend = text.replacingOccurrences(of: "\n", with: " ")
        #expect(legend.contains("Ruta rumah tangga; SM/M/HM konsensus bersama Sangat Miskin/Miskin/Hampir Miskin"))
        #expect(legend.contains("Celah celah layanan") && legend.contains("Beda beda penilaian"))
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line.count): \(line)") }
        // The provincial table, with its six-digit counts, still fits too.
        for line in OverviewOutput.table(try Fixtures.provincialOverview()).split(separator: "\n") {
            #expect(line.count <= 80, "\(line.count): \(line)")
        }
    }

    @Test("--wide in Bahasa Indonesia names the baseline, jiwa and case columns", .language(.indonesian))
    func wideIndonesian() throws {
        let text = OverviewOutput.table(try Self.sumberjambe(), wide: true)
        let header = try #require(text.split(separator: "\n").first { $0.hasPrefix("Kode") }, "\(text)")
        for column in ["Jiwa", "Dasar SM", "Dasar M", "Dasar HM", "Kasus", "Tim", "Verif", "Umur", "Celah", "Beda"] {
            #expect(header.contains(column), "\(column) in \(header)")
        }
        #expect(text.replacingOccurrences(of: "\n", with: " ").contains("Dasar SM/M/HM data dasar PPLS 2008"))
    }

    @Test("the same overview in English: 12,827 and the English columns", .english)
    func overviewEnglish() throws {
        let text = OverviewOutput.table(try Self.sumberjambe())
        let row = try #require(Self.row("35.09.31", in: text), "\(text)")
        #expect(Array(row.prefix(6)) == ["35.09.31", "Sumberjambe", "12,827", "1,485", "5,574", "5,768"])
        #expect(text.contains("Code") && text.contains("Gaps") && text.contains("HH households;"))
        #expect(!text.contains("12.827"))
    }

    @Test("CSV keeps plain numbers and its column names in Bahasa Indonesia", .language(.indonesian))
    func csvIndonesian() throws {
        let csv = OverviewOutput.csv(try Self.sumberjambe())
        #expect(csv.hasPrefix(OverviewOutput.csvHeader.joined(separator: ",")))
        #expect(csv.contains("region,35.09.31,Sumberjambe,kecamatan,12827,1485,5574,5768,"))
    }

    @Test("other tables and the CLI's errors follow the language", .language(.indonesian))
    func otherTexts() throws {
        var page = try Fixtures.gapPage()
        page.total = 250
        page.offset = 100
        #expect(
            HouseholdListOutput.pageLine(page, what: Message("cli.gaps.what"))
                == "101–102 dari 250 rumah tangga dalam celah layanan (SM atau M tanpa Bantuan Sosial) (halaman berikutnya: --offset 102)")
        let gaps = HouseholdListOutput.gapsTable(try Fixtures.gapPage())
        #expect(gaps.contains("No. KK") && gaps.contains("Dicakup oleh") && gaps.contains("PM"), "\(gaps)")
        let missing = MissingTokenError(serviceName: "coordinator", flag: "--token", variable: "ENTAS_TOKEN")
        #expect("\(missing)".hasPrefix("Tidak ada token untuk koordinator: berikan --token atau isi ENTAS_TOKEN."))
        #expect(NumberFormat.compact(1_234_567) == "1,2M")
        #expect(TimeFormat.wib(Date(timeIntervalSince1970: 1_799_110_860)) == "5 Januari 2027 08.01 WIB")
    }

    @Test("--lang wins over ENTAS_LANG, which wins over LANG; C.UTF-8 means Bahasa Indonesia")
    func order() {
        let both = ["ENTAS_LANG": "id", "LANG": "en_US.UTF-8"]
        #expect(LanguageOptions.chosen(arguments: ["gaps", "--lang", "en"], environment: both) == .english)
        #expect(LanguageOptions.chosen(arguments: ["gaps", "--lang=en"], environment: both) == .english)
        #expect(LanguageOptions.chosen(arguments: ["gaps"], environment: both) == .indonesian)
        #expect(LanguageOptions.chosen(arguments: ["gaps"], environment: ["LANG": "en_US.UTF-8"]) == .english)
        #expect(LanguageOptions.chosen(arguments: ["gaps"], environment: ["LANG": "C.UTF-8"]) == .indonesian)
        #expect(LanguageOptions.chosen(arguments: ["gaps"], environment: [:]) == .indonesian)
        #expect(LanguageOptions.chosen(arguments: ["gaps", "--", "--lang", "en"], environment: [:]) == .indonesian)
    }

    @Test("--lang parses on every read command", .english)
    func parsesLang() throws {
        let overview = try #require(try EntasCommand.parseAsRoot(["overview", "--lang", "id", "--token", "t"]) as? OverviewCommand)
        #expect(overview.coordinator.language.lang == .indonesian)
        let gaps = try #require(try EntasCommand.parseAsRoot(["gaps", "--lang", "en", "--token", "t"]) as? GapsCommand)
        #expect(gaps.language.lang == .english)
    }

    @Test("the entas executable: Bahasa Indonesia by default, --lang en over ENTAS_LANG=id over LANG", .enabled(if: BinaryTests.executable != nil))
    func executable() throws {
        let byDefault = try BinaryTests.run(["gaps"], english: false)
        #expect(byDefault.status == 64)
        #expect(byDefault.error.contains("Tidak ada token untuk koordinator"), "\(byDefault.error)")
        #expect(byDefault.error.contains("entas-coordinator token create --name"))

        let flag = try BinaryTests.run(["gaps", "--lang", "en"], environment: ["ENTAS_LANG": "id", "LANG": "en_US.UTF-8"], english: false)
        #expect(flag.error.contains("No token for the coordinator"), "\(flag.error)")

        let variable = try BinaryTests.run(["gaps"], environment: ["ENTAS_LANG": "id", "LANG": "en_US.UTF-8"], english: false)
        #expect(variable.error.contains("Tidak ada token untuk koordinator"), "\(variable.error)")

        let locale = try BinaryTests.run(["gaps"], environment: ["LANG": "en_US.UTF-8"], english: false)
        #expect(locale.error.contains("No token for the coordinator"), "\(locale.error)")

        let unreachable = try BinaryTests.run(["overview", "--coordinator", "http://127.0.0.1:1", "--token", "t"], english: false)
        #expect(unreachable.status == 1)
        #expect(unreachable.error.contains("Tidak dapat menghubungi koordinator di http://127.0.0.1:1"), "\(unreachable.error)")
        #expect(unreachable.error.contains("make run"))

        let usage = try BinaryTests.run(["overview", "--region", "35.09.31.2006", "--token", "t"], english: false)
        #expect(usage.status == 64)
        #expect(usage.error.contains("adalah desa/kelurahan"), "\(usage.error)")
    }
}
