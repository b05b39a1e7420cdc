import EntasDemo
import EntasDomain
import Foundation

/// Loads the Sumberjambe demo through the services' own APIs: the households as CSV imports
/// at social aid (Dinas Sosial holds the PPLS 2008 data), then, once every cluster has them
/// in its replica, the programme cycle: assessments, enrolments, deliveries, referrals and
/// their answers, follow-up enrolments, graduations, each at the cluster that performs it.
struct DemoLoader {
    let system: DevSystem
    let seed: UInt64
    /// Whether the programme cycle follows the households.
    let withCycle: Bool
    let progress: @Sendable (String) -> Void
    /// Requests in flight at once; SQLite serialises writes per service anyway.
    let concurrency = 16

    func load() async throws -> DemoActionCounts {
        let plan = DemoPlan()
        let households = plan.households(seed: seed)
        try await importHouseholds(plan: plan, households: households)
        try await waitForReplicas(count: households.count)
        guard withCycle else {
            var counts = DemoActionCounts()
            counts.households = households.count
            return counts
        }
        let counts = plan.actionCounts(for: households)
        var enrolments = IDTable()
        var referrals = IDTable()
        for phase in DemoPhase.allCases {
            let actions = plan.actions(for: households, in: phase)
            let started = ContinuousClock.now
            let ids = try await perform(actions, enrolments: enrolments, referrals: referrals)
            enrolments.merge(ids.enrolments)
            referrals.merge(ids.referrals)
            guard ids.count > 0 else { continue }
            progress("  \(phase): \(ids.count) in \(Self.seconds(since: started))")
            if phase == .referral { try await waitForIncomingReferrals(ids.count) }
        }
        return counts
    }

    // MARK: Households

    private func importHouseholds(plan: DemoPlan, households: DemoHouseholds) async throws {
        guard let socialAid = system.service("social-aid"), let token = system.tokens["social-aid"] else { return }
        let started = ContinuousClock.now
        var imported = 0
        for chunk in DemoCSVChunks(households: households, rowsPerChunk: 2_000) {
            let body = chunk.hasPrefix(plan.csvHeader) ? chunk : plan.csvHeader + "\n" + chunk
            let answer = try await DevHTTP.send("POST", socialAid.url + "/v1/households/import", token: token, body: Data(body.utf8), contentType: "text/csv")
            guard answer.status == 200 else { throw DevError.demoFailed("import at social aid answered \(answer.status): \(answer.text.prefix(300))") }
            let summary = try JSONDecoder().decode(ImportSummary.self, from: answer.body)
            guard summary.rejected == 0 else { throw DevError.demoFailed("the import rejected \(summary.rejected) demo rows: \(answer.text.prefix(300))") }
            imported += summary.rows
            progress("  households imported at social aid: \(imported) of \(households.count)")
        }
        progress("  import: \(imported) households in \(Self.seconds(since: started))")
    }

    struct ImportSummary: Decodable {
        var rows: Int
        var rejected: Int
    }

    /// Waits until every cluster service has every household in its replica.
    private func waitForReplicas(count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        for service in system.services where service.name != "coordinator" {
            while true {
                let answer = try await DevHTTP.send("GET", service.url + "/v1/households?limit=1", token: system.tokens[service.name])
                struct Page: Decodable { var total: Int }
                if let page = try? JSONDecoder().decode(Page.self, from: answer.body), page.total >= count { break }
                guard ContinuousClock.now < deadline else { throw DevError.demoFailed("\(service.name) did not receive all \(count) households in time") }
                try await Task.sleep(for: .milliseconds(200))
            }
        }
        progress("  every cluster has the \(count) households")
    }

    private func waitForIncomingReferrals(_ expected: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while true {
            var received = 0
            for service in system.services where service.name != "coordinator" {
                let answer = try await DevHTTP.send("GET", service.url + "/v1/referrals/incoming", token: system.tokens[service.name])
                struct List: Decodable { var referrals: [Referral] }
                struct Referral: Decodable {}
                received += (try? JSONDecoder().decode(List.self, from: answer.body))?.referrals.count ?? 0
            }
            if received >= expected { return }
            guard ContinuousClock.now < deadline else { throw DevError.demoFailed("only \(received) of \(expected) referrals reached their clusters") }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    // MARK: Actions

    /// Ids the services gave: enrolments by cluster, KK and programme; referrals by the two
    /// clusters and KK.
    struct IDTable: Sendable {
        var values: [String: String] = [:]
        mutating func merge(_ other: IDTable) { values.merge(other.values) { $1 } }
        static func enrolmentKey(_ cluster: Cluster, _ kk: String, _ programme: String) -> String { "\(cluster.rawValue)|\(kk)|\(programme)" }
        static func referralKey(_ from: Cluster, _ to: Cluster, _ kk: String) -> String { "\(from.rawValue)|\(to.rawValue)|\(kk)" }
    }

    /// Sends a phase's actions, `concurrency` at a time, as the sequence yields them.
    private func perform(_ actions: some Sequence<DemoAction>, enrolments: IDTable, referrals: IDTable) async throws -> (enrolments: IDTable, referrals: IDTable, count: Int) {
        try await withThrowingTaskGroup(of: (String, String)?.self) { group in
            var count = 0
            var newEnrolments = IDTable()
            var newReferrals = IDTable()
            func collect(_ result: (String, String)?) {
                guard let (key, id) = result else { return }
                if key.hasPrefix("E:") { newEnrolments.values[String(key.dropFirst(2))] = id } else { newReferrals.values[String(key.dropFirst(2))] = id }
            }
            var inFlight = 0
            for action in actions {
                if inFlight >= concurrency {
                    collect(try await group.next() ?? nil)
                    inFlight -= 1
                }
                group.addTask { try await perform(action, enrolments: enrolments, referrals: referrals) }
                inFlight += 1
                count += 1
            }
            for try await result in group { collect(result) }
            return (newEnrolments, newReferrals, count)
        }
    }

    /// Sends one action; returns the id the service gave, keyed, when later actions need it.
    private func perform(_ action: DemoAction, enrolments: IDTable, referrals: IDTable) async throws -> (String, String)? {
        guard let service = system.services.first(where: { $0.name == action.cluster.serviceName }),
            let token = system.tokens[service.name]
        else { throw DevError.demoFailed("no service for \(action.cluster)") }
        let path: String
        let body: Data
        switch action {
        case .assessment(let a):
            path = "/v1/households/\(a.kkNumber)/assessments"
            body = try DevHTTP.json(AssessmentBody(status: a.status, criteriaMet: a.criteriaMet, assessedOn: a.assessedOn, assessor: a.assessor))
        case .enrolment(let e):
            path = "/v1/enrolments"
            body = try DevHTTP.json(EnrolmentBody(kkNumber: e.kkNumber, programme: e.programme, startedOn: e.startedOn))
        case .delivery(let d):
            guard let id = enrolments.values[IDTable.enrolmentKey(d.cluster, d.kkNumber, d.programme)] else { return nil }
            path = "/v1/enrolments/\(id)/deliveries"
            body = try DevHTTP.json(DeliveryBody(amountRupiah: d.amountRupiah, inKindQuantity: d.inKindQuantity, inKindUnit: d.inKindUnit, period: d.period, deliveredOn: d.deliveredOn))
        case .referral(let r):
            path = "/v1/referrals"
            body = try DevHTTP.json(ReferralBody(kkNumber: r.kkNumber, toCluster: r.toCluster, reason: r.reason))
        case .referralAnswer(let a):
            guard let id = referrals.values[IDTable.referralKey(a.fromCluster, a.toCluster, a.kkNumber)] else { return nil }
            path = "/v1/referrals/\(id)/\(a.outcome == .accepted ? "accept" : "decline")"
            body = try DevHTTP.json(AnswerBody(note: a.note, answeredOn: a.answeredOn))
        case .graduation(let g):
            path = "/v1/households/\(g.kkNumber)/graduation"
            body = try DevHTTP.json(GraduationBody(reason: g.reason, graduatedOn: g.graduatedOn))
        }
        let answer = try await DevHTTP.send("POST", service.url + path, token: token, body: body)
        guard (200..<300).contains(answer.status) else {
            throw DevError.demoFailed("\(action.route) at \(service.name) answered \(answer.status): \(answer.text.prefix(300))")
        }
        struct Created: Decodable { var id: String }
        switch action {
        case .enrolment(let e):
            let id = try JSONDecoder().decode(Created.self, from: answer.body).id
            return ("E:" + IDTable.enrolmentKey(e.cluster, e.kkNumber, e.programme), id)
        case .referral(let r):
            let id = try JSONDecoder().decode(Created.self, from: answer.body).id
            return ("R:" + IDTable.referralKey(r.fromCluster, r.toCluster, r.kkNumber), id)
        default:
            return nil
        }
    }

    struct AssessmentBody: Encodable { var status: PovertyStatus; var criteriaMet: [PovertyCriterion]; var assessedOn: CalendarDate; var assessor: String }
    struct EnrolmentBody: Encodable { var kkNumber: String; var programme: String; var startedOn: CalendarDate }
    struct DeliveryBody: Encodable {
        var amountRupiah: Int64?; var inKindQuantity: Double?; var inKindUnit: String?; var period: Period; var deliveredOn: CalendarDate
    }
    struct ReferralBody: Encodable { var kkNumber: String; var toCluster: Cluster; var reason: String }
    struct AnswerBody: Encodable { var note: String?; var answeredOn: CalendarDate }
    struct GraduationBody: Encodable { var reason: String; var graduatedOn: CalendarDate }

    static func seconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        return String(format: "%.1f s", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
