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

@Suite("entas plan against a live coordinator", .timeLimit(.minutes(3)), .english)
struct LiveCycleTests {
    /// The Sumberjambe story plus two commitments for 2027: social aid's PKH for 2 households of the
    /// kecamatan, 2 of them to graduate, low cost's RTLH for 1 household of desa Plerean.
    static func events() throws -> [EventEnvelope] {
        var events = try Story.sumberjambe().events
        var clock = Date(timeIntervalSince1970: 1_799_200_000)
        func commit(_ cluster: Cluster, _ programme: String, _ strategy: Strategy, _ region: String, households: Int, deliveries: Int, rupiah: Int64, graduations: Int? = nil) throws {
            clock.addTimeInterval(60)
            let data = CommitmentMade(
                commitmentID: UUID(), cluster: cluster, regionCode: try RegionCode(region), period: try Period("2027"), programme: programme,
                strategy: strategy, households: households, deliveries: deliveries, budgetRupiah: rupiah, graduations: graduations, madeOn: try CalendarDate("2026-11-02"))
            events.append(EventEnvelope(cluster: cluster, time: clock, payload: data.eventPayload))
        }
        try commit(.socialAid, "pkh", .socialProtection, "35.09.31", households: 2, deliveries: 8, rupiah: 6_000_000, graduations: 2)
        try commit(.lowCost, "rtlh", .basicServices, "35.09.31.2001", households: 1, deliveries: 1, rupiah: 17_500_000)
        return events
    }

    /// A coordinator fed with ``events()``; `body` gets the `--coordinator` and `--token` flags.
    static func withCoordinator(_ body: @Sendable ([String]) async throws -> Void) async throws {
        try await LiveCoordinator.with(publishing: try Self.events()) { coordinator in
            try await eventually("the coordinator applied every event") {
                let json = try await Live.entas(["plan", "--region", "35.09.31", "--period", "2027", "--format", "json"] + coordinator.flags)
                let plan = try APIDecoding.decoder.decode(PlanReport.self, from: Data(json.utf8))
                return plan.commitments.count == 2 && plan.region.totals.households == 4 && plan.region.totals.graduated == 1
            }
            try await body(coordinator.flags)
        }
    }

    @Test("entas plan, entas evaluate and entas evaluate --report against one coordinator")
    func planEvaluateReport() async throws {
        let folder = try TemporaryFolder("CLITests")
        defer { folder.remove() }
        try await Self.withCoordinator { flags in
            try await Self.plan(flags)
            try await Self.evaluate(flags)
            try await Self.report(flags, folder: folder)
        }
    }

    /// entas plan prints the need, the commitments per cluster and strategy, and the shortfall per desa.
    static func plan(_ flags: [String]) async throws {
        let table = try await Live.entas(["plan", "--region", "35.09.31", "--period", "2027"] + flags)
        #expect(table.hasPrefix("Plan for Sumberjambe (kecamatan 35.09.31), 2027"), "\(table)")
        #expect(table.contains("Need now: 3 SM, 0 M, 0 HM"))
        #expect(table.contains("SM shortfall: 3 SM households, 2 covered by commitments, 1 short"))
        #expect(table.contains("Targets 2027: none set"))
        let lines = table.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.contains("social-aid 2 8 6,000,000 2 1"), "\(table)")
        #expect(lines.contains("low-cost 1 1 17,500,000 1 2"))
        #expect(lines.contains("35.09.31.2006 Sumberjambe 2 0 2"))
        #expect(lines.contains("35.09.31.2001 Plerean 1 1 0"))
        for line in table.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }

        let csv = try await Live.entas(["plan", "--region", "35.09.31", "--period", "2027", "--format", "csv"] + flags)
        let rows = csv.split(separator: "\n").map(String.init)
        #expect(rows.first == PlanOutput.csvHeader.joined(separator: ","))
        #expect(rows.contains("cluster,35.09.31,2027,socialAid,,2,8,6000000,3,2,1"))
        #expect(rows.contains("strategy,35.09.31,2027,,basicServices,1,1,17500000,3,1,2"))
        #expect(rows.contains("region,35.09.31.2006,2027,,,,,,2,0,2"))
        #expect(rows.last == "total,35.09.31,2027,,,,,,3,2,1")

        let other = try await Live.entas(["plan", "--region", "35.07", "--period", "2027"] + flags)
        #expect(other.contains("No commitments for 2027"))
    }

    /// entas evaluate prints realisation against commitment, regions furthest behind first, and the SM trajectory.
    static func evaluate(_ flags: [String]) async throws {
        let arguments = ["evaluate", "--region", "35.09.31", "--period", "2027"] + flags
        let table = try await Live.entas(arguments)
        #expect(table.hasPrefix("Evaluation of Sumberjambe (kecamatan 35.09.31), 2027"), "\(table)")
        #expect(table.contains("Sangat Miskin: 2 at baseline, 3 now (3 at the end of 2027)"))
        #expect(table.contains("Social aid covers 1 of 3 SM and M households (33.3%)"))
        let lines = table.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        // Social aid graduated one household, not one enrolled in PKH: none of PKH's 2 graduations, 1 household graduated.
        #expect(lines.contains("social-aid pkh 2 1 1 50% 8 0 0% 0 0%"), "\(table)")
        #expect(lines.contains("low-cost rtlh 1 0 0 0% 1 0 0% 0 -"))
        #expect(lines.contains("Total 3 1 1 33.3% 9 0 0% 0 0%"))
        #expect(lines.contains("social-aid 6,000,000 0 0% 0 0% 1"))
        #expect(lines.contains("Total 23,500,000 0 0% 0 0% 1"))
        let regions = lines.filter { $0.hasPrefix("35.09.31.") }
        #expect(regions == ["35.09.31.2001 Plerean 1 0 0% 0% 0% 0 - 1 1", "35.09.31.2006 Sumberjambe 0 1 - - - 0 - 1 2"])
        #expect(lines.contains("2027-01 3") && lines.contains("2027-12 3"))
        for line in table.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }

        let csv = try await Live.entas(arguments + ["--format", "csv"]).split(separator: "\n").map(String.init)
        #expect(csv.first == EvaluationOutput.csvHeader.joined(separator: ","))
        #expect(csv.contains("programme,35.09.31,2027,socialAid,pkh,socialProtection,2,8,6000000,2,1,1,0,0,0,,50.0,50.0,0.0,0.0,0.0,,4"), "one household of 4 people served")
        #expect(csv.contains("total,35.09.31,2027,,,,3,9,23500000,2,1,1,0,0,0,1,33.3,33.3,0.0,0.0,0.0,3,4"))
        #expect(csv.contains("region,35.09.31.2006,2027,,,,0,0,0,0,1,1,0,0,0,0,,,,,,2,4"))
        #expect(csv.filter { $0.hasPrefix("month,") }.count == 12)

        let json = try await Live.entas(arguments + ["--format", "json"])
        let report = try APIDecoding.decoder.decode(EvaluationReport.self, from: Data(json.utf8))
        #expect(report.total.achieved.householdsServed == 33.3)
    }

    /// entas evaluate --report writes one self-contained HTML file with the tables; a folder that does not exist is refused.
    static func report(_ flags: [String], folder: TemporaryFolder) async throws {
        let path = folder.path("report.html")
        let line = try await Live.entas(["evaluate", "--region", "35.09.31", "--period", "2027", "--report", path] + flags)
        #expect(line.hasPrefix("Wrote the evaluation of 35.09.31 for 2027 to \(path)"), "\(line)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for id in ["programme-table", "cluster-table", "strategy-table", "region-table", "trajectory-table"] {
            #expect(html.contains("<table id=\"\(id)\""), "\(id)")
        }
        #expect(html.contains("<tr data-region=\"35.09.31.2001\"><th scope=\"row\">35.09.31.2001 Plerean</th><td>1</td><td>0</td><td>0%</td>"))
        #expect(!html.contains("<script"))
        await #expect {
            _ = try await Live.entas(["evaluate", "--region", "35.09.31", "--report", folder.path("missing/report.html")] + flags)
        } throws: { error in
            error is ReportWriteError && "\(error)".contains("folder that exists")
        }
    }

    @Test("entas plan refuses a malformed period before any request")
    func badPeriod() throws {
        for period in ["2027-Q5", "27", "2027/03"] {
            let message = try #require(ParsingTests.failure(["plan", "--period", period, "--token", "t"]))
            #expect(message.contains("--period") && message.contains("2027-Q1"), "\(message)")
        }
    }
}
