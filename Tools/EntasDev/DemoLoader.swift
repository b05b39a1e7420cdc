import EntasDemo
import EntasDomain
import Foundation

/// Loads the Sumberjambe demo through the services' own APIs: the households as CSV imports
/// at social aid (Dinas Sosial holds the PPLS 2008 data), then, once every cluster has them
/// in its replica, the programme cycle: the clusters' commitments for 2025 and 2026 and Bappeda's targets,
/// then assessments, enrolments, deliveries, referrals and their answers, follow-up enrolments,
/// graduations, each at the cluster that performs it; then verifikasi dan validasi of the conflicts
/// (cases assigned, verified with minutes, some reopened by a later visit).
struct DemoLoader {
    let system: DevSystem
    let seed: UInt64
    /// What follows the households: nothing, the commitments and targets, or those and the programme cycle.
    let content: DemoContent
    let progress: @Sendable (String) -> Void
    /// Requests in flight at once; SQLite serialises writes per service anyway.
    let concurrency = 16

    func load() async throws -> DemoActionCounts {
        let plan = DemoPlan()
        let households = plan.households(seed: seed)
        try await importHouseholds(plan: plan, households: households)
        try await waitForReplicas(count: households.count)
        var householdsOnly = DemoActionCounts()
        householdsOnly.households = households.count
        guard content == .plan || content == .full else { return householdsOnly }
        try await commit(plan.commitments(for: households))
        try await setTargets()
        guard content == .full else { return householdsOnly }
        let counts = plan.actionCounts(for: households)
        for phase in DemoPhase.allCases {
            let started = ContinuousClock.now
            let applied = try await perform(plan.actions(for: households, in: phase))
            guard applied > 0 else { continue }
            progress("  " + Message("dev.demo.phase", .message(DevText.phase(phase)), .count(applied), .message(DevText.seconds(since: started))).rendered())
            if phase == .referral { try await waitForIncomingReferrals(applied) }
        }
        let started = ContinuousClock.now
        let verification = try await verifyConflicts(households: households)
        progress("  " + Message("dev.demo.verification", .message(verification.message), .message(DevText.seconds(since: started))).rendered())
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
            progress("  " + Message("dev.demo.importing", .count(imported), .count(households.count)).rendered())
        }
        progress("  " + Message("dev.demo.imported", .count(imported), .message(DevText.seconds(since: started))).rendered())
        try await importMembers(households: households, at: socialAid.url, token: token)
    }

    /// Sends the households' members as a members file, 2,000 households a request.
    private func importMembers(households: DemoHouseholds, at url: String, token: String) async throws {
        let started = ContinuousClock.now
        var sent = 0, people = 0
        var chunk = ""
        func send() async throws {
            let answer = try await DevHTTP.send(
                "POST", url + "/v1/households/members/import", token: token, body: Data((DemoCSV.memberHeader + "\n" + chunk).utf8), contentType: "text/csv")
            guard answer.status == 200 else { throw DevError.demoFailed("the members import at social aid answered \(answer.status): \(answer.text.prefix(300))") }
            let summary = try JSONDecoder().decode(ImportSummary.self, from: answer.body)
            guard summary.rejected == 0 else { throw DevError.demoFailed("the members import rejected \(summary.rejected) demo rows: \(answer.text.prefix(300))") }
            people += summary.rows
            chunk = ""
        }
        for household in households {
            chunk += DemoCSV.memberRows(for: household)
            sent += 1
            if sent % 2_000 == 0 { try await send() }
        }
        if !chunk.isEmpty { try await send() }
        progress("  " + Message("dev.demo.members", .count(people), .count(sent), .message(DevText.seconds(since: started))).rendered())
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
        progress("  " + Message("dev.demo.replicas", .count(count)).rendered())
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

    // MARK: Commitments and targets

    /// Sends the commitments to their clusters' `/v1/bulk` as `commitment` lines, the four clusters at once (the
    /// komitmen bersama comes first in the cycle; a revision follows its original in its cluster's lines).
    private func commit(_ commitments: [DemoCommitment]) async throws {
        let started = ContinuousClock.now
        let applied = try await send(commitments.map(\.bulkLine)) { $0.commitment.cluster }
        let regions = Set(commitments.map(\.regionCode)).count
        progress("  " + Message("dev.demo.commitments", .count(applied), .message(Self.yearsText), .count(regions), .message(DevText.seconds(since: started))).rendered())
    }

    /// Bappeda's targets for the province, with the coordinator's admin token: no SM household left, every SM
    /// and M household with social aid.
    private func setTargets() async throws {
        guard let coordinator = system.service("coordinator"), let token = system.tokens[DevSystem.adminTokenKey] else { return }
        for year in DemoCommitments.years {
            struct Target: Encodable { var regionCode = "35", year: Int, smRemaining = 0, socialAidCoverage = 100 }
            let answer = try await DevHTTP.send("PUT", coordinator.url + "/v1/targets", token: token, body: try DevHTTP.json(Target(year: year)))
            guard answer.status == 200 else { throw DevError.demoFailed("setting the targets answered \(answer.status): \(answer.text.prefix(300))") }
        }
        progress("  " + Message("dev.demo.targets", .message(Self.yearsText)).rendered())
    }

    /// The programme years committed for, as words ("2025 and 2026").
    static let years = DemoCommitments.years.map(String.init).joined(separator: " and ")

    /// The programme years committed for, in the current language ("2025 and 2026", "2025 dan 2026").
    static var yearsText: Message {
        let years = DemoCommitments.years.map(String.init)
        guard years.count > 1, let last = years.last else { return Message("dev.demo.years.one", .text(years.first ?? "")) }
        return Message("dev.demo.years", .text(years.dropLast().joined(separator: ", ")), .text(last))
    }

    // MARK: Actions

    /// Lines per bulk request; each service applies them in transactions of 500.
    static let linesPerRequest = 5_000

    /// Sends a phase's actions as JSON Lines to each cluster's `/v1/bulk` (the same lines
    /// `entas seed --actions` writes), the four clusters at once; returns how many applied.
    private func perform(_ actions: some Sequence<DemoAction>) async throws -> Int {
        try await send(actions) { $0.cluster }
    }

    /// Encodes each item as one JSON line and sends the lines to the `/v1/bulk` of the cluster `route` names
    /// for each, the clusters at once, each cluster's lines in order; returns how many applied.
    private func send<Line: Encodable>(_ items: some Sequence<Line>, route: (Line) -> Cluster) async throws -> Int {
        var lines: [Cluster: [Data]] = [:]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for item in items { lines[route(item), default: []].append(try encoder.encode(item)) }
        return try await withThrowingTaskGroup(of: Int.self) { group in
            for (cluster, clusterLines) in lines {
                group.addTask { try await send(clusterLines, to: cluster) }
            }
            return try await group.reduce(0, +)
        }
    }

    private func send(_ lines: [Data], to cluster: Cluster) async throws -> Int {
        guard let service = system.service(cluster.serviceName), let token = system.tokens[service.name] else {
            throw DevError.demoFailed("no service for \(cluster)")
        }
        var applied = 0
        for start in stride(from: 0, to: lines.count, by: Self.linesPerRequest) {
            var body = Data()
            for line in lines[start..<min(start + Self.linesPerRequest, lines.count)] {
                body.append(line)
                body.append(UInt8(ascii: "\n"))
            }
            let answer = try await DevHTTP.send("POST", service.url + "/v1/bulk", token: token, body: body, contentType: "application/x-ndjson")
            guard answer.status == 200 else { throw DevError.demoFailed("bulk at \(service.name) answered \(answer.status): \(answer.text.prefix(300))") }
            let summary = try JSONDecoder().decode(BulkSummary.self, from: answer.body)
            guard summary.rejected == 0 else { throw DevError.demoFailed("\(service.name) rejected \(summary.rejected) demo lines: \(answer.text.prefix(400))") }
            applied += summary.applied
        }
        return applied
    }

    struct BulkSummary: Decodable {
        var applied: Int
        var rejected: Int
    }

    static func seconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        return String(format: "%.1f s", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
