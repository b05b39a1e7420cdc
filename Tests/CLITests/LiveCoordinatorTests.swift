import EntasTestKit
import EntasAPI
import EntasDomain
import EntasKafka
import EntasService
import EntasStore
import Foundation
import HummingbirdTesting
import Testing

@testable import CLI
@testable import Coordinator

@Suite("entas against a live coordinator", .timeLimit(.minutes(3)), .english)
struct LiveCoordinatorTests {
    /// Starts a broker and a coordinator fed with the Sumberjambe story, waits until every event is
    /// applied, then runs `body` with the `--coordinator` and `--token` flags of that coordinator.
    static func withCoordinator(_ body: @Sendable ([String]) async throws -> Void) async throws {
        try await LiveCoordinator.with(publishing: try Story.sumberjambe().events) { coordinator in
            try await eventually("the coordinator applied every event") {
                let json = try await Live.entas(["overview", "--format", "json"] + coordinator.flags)
                let overview = try APIDecoding.decoder.decode(Overview.self, from: Data(json.utf8))
                return overview.region.totals.households == 5 && overview.region.totals.graduated == 1
                    && overview.region.totals.coveredSocialAid == 1 && overview.region.totals.conflicts == 1
            }
            try await body(coordinator.flags)
        }
    }

    @Test("overview, gaps, conflicts, household, progress and strategies print the coordinator's numbers")
    func readCommands() async throws {
        try await Self.withCoordinator { flags in
            // Sumberjambe by desa, as a table.
            let table = try await Live.entas(["overview", "--region", "35.09.31"] + flags)
            let lines = OverviewOutputTests.tableLines(table)
            try #require(lines.count == 6, "\(table)")
            #expect(lines[2].split(separator: " ") == ["35.09.31.2001", "Plerean", "2", "1", "0", "0", "1", "0", "0", "0", "0", "1", "0"])
            #expect(lines[3].split(separator: " ") == ["35.09.31.2006", "Sumberjambe", "2", "2", "0", "0", "0", "50", "0", "0", "0", "1", "1"])
            #expect(lines[5].split(separator: " ") == ["35.09.31", "Total", "4", "3", "0", "0", "1", "25", "0", "0", "0", "2", "1"])
            for line in table.split(separator: "\n") { #expect(line.count <= 80) }

            // The province: Malang and Jember.
            let province = try await Live.entas(["overview"] + flags)
            #expect(province.contains("35.07") && province.contains("Kab. Malang") && province.contains("Kab. Jember"))

            // JSON is the coordinator's own answer.
            let json = try await Live.entas(["overview", "--region", "35.09.31", "--format", "json"] + flags)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let region = try #require(object["region"] as? [String: Any])
            #expect((region["totals"] as? [String: Any])?["households"] as? Int == 4)
            #expect((object["regions"] as? [Any])?.count == 2)

            // CSV: plain numbers.
            let csv = try await Live.entas(["overview", "--region", "35.09.31", "--format", "csv"] + flags)
            let rows = csv.split(separator: "\n").map(String.init)
            #expect(rows.first == OverviewOutput.csvHeader.joined(separator: ","))
            #expect(rows.contains { $0.hasPrefix("region,35.09.31.2006,Sumberjambe,desa/kelurahan,2,2,0,0,") })
            #expect(rows.last?.hasPrefix("total,35.09.31,Sumberjambe,kecamatan,4,3,0,0,0,1,") == true)

            // Gaps: b (SM by the tie rule) and d (SM, nothing at all); masked KKs only.
            let gaps = try await Live.entas(["gaps", "--region", "35.09"] + flags)
            #expect(gaps.hasPrefix("2 households in a gap"))
            #expect(gaps.contains("350931******0002") && gaps.contains("350931******0004"))
            #expect(gaps.firstMatch(of: /\d{16}/) == nil)
            let gapsCSV = try await Live.entas(["gaps", "--region", "35.09.31", "--status", "SM", "--format", "csv"] + flags)
            #expect(gapsCSV.split(separator: "\n").count == 3)

            // Conflicts: b, social aid says M, UMKM says SM.
            let conflicts = try await Live.entas(["conflicts", "--region", "35.09.31"] + flags)
            #expect(conflicts.contains("350931******0002") && conflicts.contains("SA=M UMKM=SM"))

            // One household, masked.
            let household = try await Live.entas(["household", "3509311203080002"] + flags)
            #expect(household.hasPrefix("Household 350931******0002"))
            #expect(household.contains("yes: clusters disagree"))
            #expect(household.contains("35.09.31.2006 Sumberjambe"))
            #expect(!household.contains("3509311203080002"))

            // Progress per month, and strategies.
            let progress = try await Live.entas(["progress", "--region", "35.09.31", "--from", "2027-01", "--to", "2027-02", "--format", "csv"] + flags)
            #expect(progress.split(separator: "\n").map(String.init) == [
                "regionCode,month,sangatMiskin,miskin,hampirMiskin,tidakMiskin,graduated",
                "35.09.31,2027-01,3,0,1,0,0",
                "35.09.31,2027-02,3,0,0,0,1",
            ])
            let strategies = try await Live.entas(["strategies", "--region", "35.09.31"] + flags)
            #expect(strategies.contains("social-aid") && strategies.contains("socialProtection"))
        }
    }

    @Test("a refused request prints the problem document's detail")
    func problems() async throws {
        try await Self.withCoordinator { flags in
            let address = Array(flags.prefix(2))
            await #expect {
                _ = try await Live.entas(["overview"] + address + ["--token", "not-a-token"])
            } throws: { error in
                let answer = error as? ServiceAnswerError
                return answer?.status == 401 && "\(error)".contains("not known to this service")
            }
            await #expect {
                _ = try await Live.entas(["household", "3509311203089999"] + flags)
            } throws: { error in
                "\(error)".contains("404 not-found") && "\(error)".contains("350931******9999") && !"\(error)".contains("3509311203089999")
            }
        }
    }

    @Test("--lang id prints in Bahasa Indonesia and asks the coordinator for its problem details in it")
    func indonesian() async throws {
        try await Self.withCoordinator { flags in
            let table = try await Live.entas(["overview", "--region", "35.09.31", "--lang", "id"] + flags)
            #expect(table.contains("dengan rumah tangga") && table.contains("Kode") && table.contains("Celah"), "\(table)")
            let total = try #require(table.split(separator: "\n").first { $0.hasPrefix("35.09.31 ") }, "\(table)")
            #expect(total.split(separator: " ").prefix(3) == ["35.09.31", "Jumlah", "4"])
            // The coordinator's detail comes back in Bahasa Indonesia (Accept-Language: id), whatever the test's language.
            await #expect {
                _ = try await Live.entas(["household", "3509311203089999", "--lang", "id"] + flags)
            } throws: { error in
                "\(error)".contains("404 not-found") && "\(error)".contains("Belum ada peristiwa tentang rumah tangga dengan KK 350931******9999")
            }
        }
    }

    @Test("an unreachable coordinator names the URL and how to start it")
    func unreachable() async throws {
        await #expect {
            _ = try await Live.entas(["overview", "--coordinator", "http://127.0.0.1:1", "--token", "t"])
        } throws: { error in
            let text = "\(error)"
            return error is ServiceUnreachableError && text.contains("http://127.0.0.1:1") && text.contains("make run")
                && text.contains("entas-coordinator") && text.contains("KAFKA_BOOTSTRAP_SERVERS")
        }
    }

    @Test("every read command prints in both languages, nothing outside the catalogues: no missing key, no line that reads the same in both")
    func everyCommandInBothLanguages() async throws {
        // The check itself: an English line left in both outputs is found; names and codes are not.
        #expect(UntranslatedText.pieces(["Households served", "35.09 Kabupaten Jember 12"], sameIn: ["Households served", "35.09 Kabupaten Jember 12"]) == ["Households served"])
        try await Self.withCoordinator { flags in
            let commands: [[String]] = [
                ["overview"], ["overview", "--region", "35.09.31"], ["overview", "--region", "35.09", "--wide"],
                ["gaps", "--region", "35.09.31"], ["conflicts", "--region", "35.09.31"], ["cases", "--region", "35.09.31"],
                ["cases", "--region", "35.09.31", "--state", "verified"], ["household", "3509311203080002"],
                ["progress", "--region", "35.09.31", "--from", "2027-01", "--to", "2027-02"], ["strategies", "--region", "35.09.31"],
                ["plan", "--region", "35.09.31", "--period", "2027"], ["evaluate", "--region", "35.09.31", "--period", "2027"],
                ["target", "list", "--year", "2027"],
            ]
            for command in commands {
                let indonesian = try await Live.entas(command + ["--lang", "id"] + flags)
                let english = try await Live.entas(command + ["--lang", "en"] + flags)
                #expect(!indonesian.contains("⟦") && !english.contains("⟦"), "\(command): a key missing from a catalogue")
                #expect(indonesian != english, "\(command)")
                let lines = { (text: String) in text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
                let same = UntranslatedText.pieces(lines(indonesian), sameIn: lines(english))
                #expect(same.isEmpty, "\(command): lines that read the same in both languages: \(same)")
            }
        }
    }
}
