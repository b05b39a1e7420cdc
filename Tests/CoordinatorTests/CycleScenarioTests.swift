import EntasTestKit
import EntasAPI
import EntasDomain
import EntasKafka
import EntasCluster
import EntasService
import EntasStore
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CommunityEmpowerment
@testable import Coordinator
@testable import SocialAid

/// The programme cycle end to end, over the embedded broker: two cluster services take commitments,
/// enrolments, deliveries and graduations through their APIs; the coordinator's plan and evaluation equal a
/// hand count at kabupaten, kecamatan and desa level; a rebuild from the topics gives the same plan and
/// evaluation.
///
/// Kabupaten Jember, next year (Y, so that the households registered today precede every dated fact):
///
/// | desa | households (baseline) |
/// | --- | --- |
/// | Sumberjambe 35.09.31.2006 | h1–h4 SM, h5–h6 M |
/// | Plerean 35.09.31.2001 | h7–h8 SM, h9 M |
/// | Silo 35.09.30.2004 | h10–h12 SM, h13 HM |
///
/// Commitments for Y: social aid PKH for kecamatan Sumberjambe 5 households, 10 deliveries, Rp7.5 M, 2 to
/// graduate, **revised** to 4, 8, Rp6 M, 1 to graduate; social aid PKH for kecamatan Silo 2, 4, Rp3 M;
/// empowerment Musrenbang for kecamatan Silo 4, 4, Rp2 M, 2 to graduate, and for desa Plerean 2, 2, Rp1 M.
///
/// Done in Y: PKH for h1, h2, h3, h7, h10 (January); PKH deliveries of Rp750,000: h1 Q1 and Q2, h2 Q1, h7 Q1,
/// h10 Q1 and Q2; Musrenbang for h8, h11, h13, one delivery of Rp500,000 to h11 (Q2); social aid graduates h1
/// (30 June), empowerment graduates h11 (1 September). Bappeda's target for Y, province-wide: 0 SM remaining,
/// 100% social-aid coverage.
@Suite("The programme cycle over the embedded broker", .timeLimit(.minutes(4)), .english)
struct CycleScenarioTests {
    static let year = CalendarDate.today().year + 1
    static func day(_ monthDay: String) -> String { "\(year)-\(monthDay)" }

    @Test("plan and evaluation equal a hand count at kabupaten, kecamatan and desa; a rebuild gives them back")
    func scenario() async throws {
        try await TestCoordinator.with { coordinator in
            let (kafka, directory) = (coordinator.kafka, coordinator.directory)
            let (socialAidToken, socialAidApp) = try await clusterService(SocialAidCommand.definition, kafka: kafka, in: directory)
            let (empowermentToken, empowermentApp) = try await clusterService(EmpowermentCommand.definition, kafka: kafka, in: directory)
            let readToken = try await coordinator.token()
            let adminToken = try await coordinator.token("bappeda-planning", role: .admin)
            let coordinatorApp = try coordinator.application()

            let views = Self.views
            let before: [String: Data] = try await socialAidApp.test(.live) { socialAidClient in
                try await empowermentApp.test(.live) { empowermentClient in
                    try await coordinatorApp.test(.live) { coordinatorClient in
                        let socialAid = ServiceClient(client: socialAidClient, token: socialAidToken)
                        let empowerment = ServiceClient(client: empowermentClient, token: empowermentToken)
                        let coordinator = ServiceClient(client: coordinatorClient, token: readToken)
                        try await Self.runTheYear(socialAid: socialAid, empowerment: empowerment)
                        try await ServiceClient(client: coordinatorClient, token: adminToken).send(
                            .put, "/v1/targets", ["regionCode": "35", "year": Self.year, "smRemaining": 0, "socialAidCoverage": 100])
                        try await eventually("the coordinator applied all 37 events") {
                            try await coordinator.send(.get, "/v1/freshness")["eventsApplied"] as? Int == 37
                        }
                        try await Self.checkPlans(coordinator)
                        try await Self.checkEvaluations(coordinator)
                        try await Self.checkReport(coordinatorClient, token: readToken, in: directory)
                        var answers: [String: Data] = [:]
                        for view in views { answers[view] = try await coordinator.data(view) }
                        return answers
                    }
                }
            }

            let outcome = try await CoordinatorRebuild(configuration: coordinator.configuration, secret: testSecret, logger: CoordinatorServiceTests.logger).run()
            #expect(outcome.eventsApplied == 37)
            let rebuilt = CoordinatorQueries(try DatabasePool(path: coordinator.path))
            for view in views {
                let components = try #require(URLComponents(string: view))
                let query = Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
                let region = try RegionCode(query["region"] ?? "35")
                let period = try Period(query["period"] ?? "")
                let after: Data =
                    components.path == "/v1/plan"
                    ? try JSONEncoder().encode(try await rebuilt.plan(region: region, period: period))
                    : try JSONEncoder().encode(try await rebuilt.evaluation(region: region, period: period))
                let beforeObject = try JSONSerialization.jsonObject(with: try #require(before[view])) as? NSDictionary
                let afterObject = try JSONSerialization.jsonObject(with: after) as? NSDictionary
                #expect(beforeObject != nil && beforeObject == afterObject, "\(view) is the same after a rebuild")
            }
        }
    }

    /// The plan and evaluation answers compared before and after the rebuild.
    static var views: [String] {
        ["35.09", "35.09.31", "35.09.31.2001", "35.09.31.2006", "35.09.30"].flatMap { region in
            ["/v1/plan?region=\(region)&period=\(year)", "/v1/evaluation?region=\(region)&period=\(year)"]
        } + ["/v1/evaluation?region=35.09&period=\(year)-Q1"]
    }

    static func runTheYear(socialAid: ServiceClient, empowerment: ServiceClient) async throws {
        let desa: [(String, [PovertyStatus])] = [
            ("35.09.31.2006", [.sangatMiskin, .sangatMiskin, .sangatMiskin, .sangatMiskin, .miskin, .miskin]),
            ("35.09.31.2001", [.sangatMiskin, .sangatMiskin, .miskin]),
            ("35.09.30.2004", [.sangatMiskin, .sangatMiskin, .sangatMiskin, .hampirMiskin]),
        ]
        var households: [TestHousehold] = [TestHousehold]()
        for (code, statuses) in desa {
            for status in statuses {
                let household = try TestHousehold(households.count + 1, in: code)
                households.append(household)
                try await socialAid.send(.post, "/v1/households", household.registration(status), expect: .created)
            }
        }
        func h(_ number: Int) -> String { households[number - 1].kk.rawValue }
        try await eventually("empowerment has the 13 households") {
            try await empowerment.send(.get, "/v1/households?limit=1")["total"] as? Int == 13
        }

        func commit(
            _ service: ServiceClient, _ programme: String, _ region: String, _ households: Int, _ deliveries: Int, _ rupiah: Int,
            graduations: Int? = nil, madeOn: String
        ) async throws {
            var body: [String: Any] = [
                "regionCode": region, "period": "\(year)", "programme": programme, "households": households, "deliveries": deliveries,
                "budgetRupiah": rupiah, "madeOn": madeOn,
            ]
            body["graduations"] = graduations
            try await service.send(.post, "/v1/commitments", body, expect: .created)
        }
        let signed = "\(year - 1)-11-02"
        try await commit(socialAid, "pkh", "35.09.31", 5, 10, 7_500_000, graduations: 2, madeOn: signed)
        try await commit(socialAid, "pkh", "35.09.31", 4, 8, 6_000_000, graduations: 1, madeOn: day("01-05"))  // the revision
        try await commit(socialAid, "pkh", "35.09.30", 2, 4, 3_000_000, madeOn: signed)
        try await commit(empowerment, "musrenbang", "35.09.30", 4, 4, 2_000_000, graduations: 2, madeOn: signed)
        try await commit(empowerment, "musrenbang", "35.09.31.2001", 2, 2, 1_000_000, madeOn: signed)

        func enrol(_ service: ServiceClient, _ number: Int, _ programme: String) async throws -> String {
            let enrolment = try await service.send(
                .post, "/v1/enrolments", ["kkNumber": h(number), "programme": programme, "startedOn": day("01-10")], expect: .created)
            return try #require(enrolment["id"] as? String)
        }
        func deliver(_ service: ServiceClient, _ enrolment: String, _ rupiah: Int, quarter: Int, on monthDay: String) async throws {
            try await service.send(
                .post, "/v1/enrolments/\(enrolment)/deliveries",
                ["amountRupiah": rupiah, "period": "\(year)-Q\(quarter)", "deliveredOn": day(monthDay)], expect: .created)
        }
        var pkh: [Int: String] = [:]
        for number in [1, 2, 3, 7, 10] { pkh[number] = try await enrol(socialAid, number, "pkh") }
        for (number, quarter) in [(1, 1), (1, 2), (2, 1), (7, 1), (10, 1), (10, 2)] {
            try await deliver(socialAid, try #require(pkh[number]), 750_000, quarter: quarter, on: quarter == 1 ? "02-01" : "05-01")
        }
        var musrenbang: [Int: String] = [:]
        for number in [8, 11, 13] { musrenbang[number] = try await enrol(empowerment, number, "musrenbang") }
        try await deliver(empowerment, try #require(musrenbang[11]), 500_000, quarter: 2, on: "05-15")
        try await socialAid.send(.post, "/v1/households/\(h(1))/graduation", ["reason": "Usaha warung berjalan", "graduatedOn": day("06-30")], expect: .created)
        try await empowerment.send(.post, "/v1/households/\(h(11))/graduation", ["reason": "Kelompok usaha mandiri", "graduatedOn": day("09-01")], expect: .created)
    }

    static func checkPlans(_ coordinator: ServiceClient) async throws {
        let jember = try await coordinator.get(PlanReport.self, "/v1/plan?region=35.09&period=\(year)")
        #expect(jember.need == PlanNeed(sangatMiskin: 7, miskin: 3, hampirMiskin: 1, baselineSangatMiskin: 9, gaps: 6))
        #expect(jember.shortfall == PlanShortfall(need: 7, covered: 6, short: 1))
        #expect(jember.regions.map { "\($0.code.dotted) \($0.sangatMiskin) \($0.covered) \($0.short)" } == ["35.09.31 5 4 1", "35.09.30 2 2 0"])
        let revised = jember.commitments.first { $0.regionCode.dotted == "35.09.31" }
        #expect(revised?.revision == 2, "the revision replaced the original")
        #expect(revised?.graduations == 1 && revised?.earlierRevisions.map(\.graduations) == [2], "graduations revised, the history kept")
        #expect(jember.commitments.first { $0.programme == "pkh" && $0.regionCode.dotted == "35.09.30" }?.graduations == nil)
        #expect(jember.clusters.map { "\($0.cluster?.rawValue ?? "") \($0.coveredSangatMiskin) \($0.shortSangatMiskin)" } == [
            "socialAid 6 1", "communityEmpowerment 4 3",
        ])
        #expect(jember.socialAidCoverage == PlanCoverage(targetPercent: 100, households: 10, required: 10, committed: 6, coveredNow: 4, short: 4))
        let sumberjambe = try await coordinator.get(PlanReport.self, "/v1/plan?region=35.09.31&period=\(year)")
        #expect(sumberjambe.shortfall == PlanShortfall(need: 5, covered: 4, short: 1))
        #expect(sumberjambe.regions.map { "\($0.code.dotted) \($0.sangatMiskin) \($0.covered) \($0.short)" } == [
            "35.09.31.2006 3 0 3", "35.09.31.2001 2 2 0",
        ])
        let desaSumberjambe = try await coordinator.get(PlanReport.self, "/v1/plan?region=35.09.31.2006&period=\(year)")
        #expect(desaSumberjambe.shortfall == PlanShortfall(need: 3, covered: 0, short: 3), "the kecamatan's PKH is not divided among its desa")
        let plerean = try await coordinator.get(PlanReport.self, "/v1/plan?region=35.09.31.2001&period=\(year)")
        #expect(plerean.shortfall == PlanShortfall(need: 2, covered: 2, short: 0))
    }

    static func checkEvaluations(_ coordinator: ServiceClient) async throws {
        /// "committed realised achieved", each figure by figure: households, deliveries, rupiah, graduations.
        func summary(_ line: EvaluationLine) -> String {
            let c = line.committed
            let r = line.realised
            let a = line.achieved
            let committed: [String] = [String(c.households), String(c.deliveries), String(c.budgetRupiah), String(c.graduations)]
            let realised: [String] = [
                String(r.enrolmentsStarted), String(r.householdsServed), String(r.deliveries), String(r.deliveredRupiah), String(r.graduations),
            ]
            let shares: [Double?] = [a.enrolmentsStarted, a.householdsServed, a.deliveries, a.deliveredRupiah, a.graduations]
            let achieved: [String] = shares.map { share in share.map { "\($0)" } ?? "-" }
            return [committed, realised, achieved].map { $0.joined(separator: "/") }.joined(separator: " ")
        }
        let jember = try await coordinator.get(EvaluationReport.self, "/v1/evaluation?region=35.09&period=\(year)")
        // Graduations: h1 left PKH (social aid graduated it), h11 Musrenbang (empowerment graduated it).
        #expect(jember.programmes.map(summary) == [
            "6/12/9000000/1 5/5/6/4500000/1 83.3/83.3/50.0/50.0/100.0",  // social aid PKH: 4 (revised) + 2 committed, 1 to graduate
            "6/6/3000000/2 3/3/1/500000/1 50.0/50.0/16.7/16.7/50.0",  // Musrenbang: 4 + 2, 2 to graduate in Silo
        ])
        #expect(jember.clusters.map(summary) == [
            "6/12/9000000/1 5/5/6/4500000/1 83.3/83.3/50.0/50.0/100.0", "6/6/3000000/2 3/3/1/500000/1 50.0/50.0/16.7/16.7/50.0",
        ])
        #expect(jember.strategies.map { $0.strategy } == [.socialProtection, .inclusiveDevelopment])
        #expect(jember.clusters.map(\.realised.graduatedHouseholds) == [1, 1], "households each cluster graduated")
        #expect(jember.strategies.map { "\($0.realised.graduations) \($0.achieved.graduations ?? -1)" } == ["1 100.0", "1 50.0"])
        #expect(jember.programmes.allSatisfy { $0.realised.graduatedHouseholds == nil } && jember.total.realised.graduatedHouseholds == 2)
        #expect(summary(jember.total) == "12/18/12000000/3 8/8/7/5000000/2 66.7/66.7/38.9/41.7/66.7")
        // Silo is further behind (3 of 6 committed households served) than Sumberjambe (5 of 6).
        #expect(jember.regions.map {
            "\($0.code.dotted) \($0.achieved.householdsServed ?? -1) \($0.achieved.deliveries ?? -1) \($0.realised.graduations) \($0.achieved.graduations ?? -1)"
        } == ["35.09.30 50.0 37.5 1 50.0", "35.09.31 83.3 40.0 1 100.0"])
        #expect(jember.regions.map(\.realised.graduatedHouseholds) == [1, 1])
        #expect(jember.sangatMiskin == SangatMiskinProgress(
            baseline: 9, now: 7, atPeriodEnd: 7, target: 0, reductionNeeded: 9, reduced: 2, achievedPercent: 22.2, targetMet: false))
        #expect(jember.socialAidCoverage == CoverageProgress(households: 10, covered: 4, percent: 40.0, targetPercent: 100, targetMet: false))
        let months = Dictionary(uniqueKeysWithValues: jember.trajectory.map { ($0.month.description, $0.sangatMiskin) })
        // The trajectory covers the period; its first month carries the baseline (PPLS 2008), whenever imported.
        #expect(jember.trajectory.first?.month.description == "\(year)-01")
        #expect(jember.trajectory.last?.month.description == "\(year)-12")
        #expect([months[day("05").prefix(7).description], months["\(year)-06"], months["\(year)-08"], months["\(year)-09"], months["\(year)-12"]] == [9, 8, 8, 7, 7])

        let sumberjambe = try await coordinator.get(EvaluationReport.self, "/v1/evaluation?region=35.09.31&period=\(year)")
        #expect(sumberjambe.programmes.map(summary) == [
            "4/8/6000000/1 4/4/4/3000000/1 100.0/100.0/50.0/50.0/100.0", "2/2/1000000/0 1/1/0/0/0 50.0/50.0/0.0/0.0/-",
        ])
        #expect(summary(sumberjambe.total) == "6/10/7000000/1 5/5/4/3000000/1 83.3/83.3/40.0/42.9/100.0")
        // Plerean's 50% counts Musrenbang only (PKH has no commitment for the desa); desa Sumberjambe has none.
        #expect(sumberjambe.regions.map { "\($0.code.dotted) \($0.achieved.householdsServed.map { "\($0)" } ?? "-") \($0.realised.householdsServed)" } == [
            "35.09.31.2001 50.0 2", "35.09.31.2006 - 3",
        ])

        let plerean = try await coordinator.get(EvaluationReport.self, "/v1/evaluation?region=35.09.31.2001&period=\(year)")
        #expect(plerean.programmes.map(summary) == [
            "0/0/0/0 1/1/1/750000/0 -/-/-/-/-", "2/2/1000000/0 1/1/0/0/0 50.0/50.0/0.0/0.0/-",
        ])
        #expect(summary(plerean.total) == "2/2/1000000/0 2/2/1/750000/0 50.0/50.0/0.0/0.0/-")
        #expect(plerean.regions.isEmpty)

        // The first quarter: the year's commitments overlap it; only Q1's deliveries count.
        let firstQuarter = try await coordinator.get(EvaluationReport.self, "/v1/evaluation?region=35.09&period=\(year)-Q1")
        #expect(summary(firstQuarter.total) == "12/18/12000000/3 8/8/4/3000000/0 66.7/66.7/22.2/25.0/0.0")
    }

    /// The printable report of Jember: a self-contained HTML file whose tables hold the hand-counted figures,
    /// read from the file and from the DOM headless Chromium builds of it.
    static func checkReport(_ client: any TestClientProtocol, token: String, in directory: TemporaryFolder) async throws {
        let response = try await client.execute(
            uri: "/v1/evaluation/report?region=35.09&period=\(year)", method: .get, headers: [.authorization: "Bearer \(token)"])
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
        #expect(response.headers[.contentDisposition] == "attachment; filename=\"entas-evaluation-35.09-\(year).html\"")
        let html = String(buffer: response.body)
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href=\"http") && !html.contains("@import"), "self-contained, no script")
        #expect(html.contains("<svg") && html.contains("<style>"))
        #expect(!DOM.containsSixteenDigits(html), "no KK or NIK")
        let file = directory.url.appendingPathComponent("report.html")
        try Data(html.utf8).write(to: file)

        var documents = [("the file", html)]
        let chromium = try Chromium(scratch: directory.url)
        documents.append(("Chromium's DOM", try await chromium.dumpDOM(file.absoluteString)))
        for (source, document) in documents {
            #expect(DOM.text(ofID: "report-title", in: document) == "Kabupaten Jember, \(year)", "\(source)")
            #expect(DOM.text(ofID: "figure-sm-achieved", in: document) == "22.2%", "\(source)")
            #expect(DOM.text(ofID: "figure-households", in: document) == "8 / 12", "\(source)")
            #expect(DOM.cells(ofRowMarked: "data-line=\"programme-socialAid-pkh\"", in: document) == [
                "Bantuan Sosial · pkh", "Perlindungan Sosial", "6", "5", "5", "83.3%", "12", "6", "50%", "Rp 9,000,000", "Rp 4,500,000", "50%", "1", "1", "100%", "–",
            ], "\(source)")
            #expect(DOM.cells(ofRowMarked: "data-line=\"total\"", in: document) == [
                "Total", "", "12", "8", "8", "66.7%", "18", "7", "38.9%", "Rp 12,000,000", "Rp 5,000,000", "41.7%", "3", "2", "66.7%", "2",
            ], "\(source)")
            #expect(DOM.cells(ofRowMarked: "data-line=\"cluster-communityEmpowerment\"", in: document).suffix(4) == ["2", "1", "50%", "1"], "\(source)")
            #expect(
                DOM.cells(ofRowMarked: "data-region=\"35.09.30\"", in: document) == ["35.09.30 Silo", "6", "3", "50%", "37.5%", "40%", "1", "50%", "1", "3", "2"],
                "\(source)")
            #expect(DOM.text(ofID: "figure-graduations", in: document) == "2 / 3", "\(source)")
            #expect(DOM.text(ofID: "figure-graduated", in: document) == "2", "\(source)")
            let silo = try #require(document.range(of: "data-region=\"35.09.30\""), "\(source)")
            let sumberjambe = try #require(document.range(of: "data-region=\"35.09.31\""), "\(source)")
            #expect(silo.lowerBound < sumberjambe.lowerBound, "the region furthest behind comes first (\(source))")
            #expect(DOM.cells(ofRowMarked: "data-month=\"\(year)-09\"", in: document) == ["Sep \(year)", "7"], "\(source)")
        }

        // The dashboard's cycle page shows the same plan and evaluation, and serves the same report.
        let headers: HTTPFields = [.authorization: "Bearer \(token)"]
        let page = try await client.execute(uri: "/regions/35.09/cycle?period=\(year)", method: .get, headers: headers)
        #expect(page.status == .ok)
        let pageHTML = String(buffer: page.body)
        #expect(DOM.text(ofID: "plan-need", in: pageHTML) == "7" && DOM.text(ofID: "plan-short", in: pageHTML) == "1")
        #expect(DOM.text(ofID: "figure-sm-achieved", in: pageHTML) == "22.2%")
        #expect(DOM.cells(ofRowMarked: "data-region=\"35.09.31\"", in: pageHTML).prefix(4) == ["35.09.31 Sumberjambe", "5", "4", "1"])
        #expect(pageHTML.contains("href=\"/regions/35.09/cycle/report?period=\(year)\""))
        let latest = try await client.execute(uri: "/regions/35.09/cycle", method: .get, headers: headers)
        #expect(String(buffer: latest.body).contains("Plan \(year):"), "the latest year with commitments by default")
        let download = try await client.execute(uri: "/regions/35.09/cycle/report?period=\(year)", method: .get, headers: headers)
        #expect(download.headers[.contentDisposition] == "attachment; filename=\"entas-evaluation-35.09-\(year).html\"")
        #expect(DOM.cells(ofRowMarked: "data-line=\"total\"", in: String(buffer: download.body)).dropFirst(2).first == "12")
        let missing = try await client.execute(uri: "/regions/35.99/cycle", method: .get, headers: headers)
        #expect(missing.status == .notFound)
        let anonymous = try await client.execute(uri: "/regions/35.09/cycle", method: .get)
        #expect(anonymous.status == .seeOther || anonymous.status == .found, "a page without a session goes to the sign-in")
    }
}
