import EntasDemo
import EntasDomain
import Foundation

extension DemoLoader {
    /// What the demo's verifikasi dan validasi did.
    struct VerificationCounts: Sendable, CustomStringConvertible {
        var conflictsBefore = 0
        var casesOpened = 0
        var verified = 0
        var reopened = 0
        var conflictsAfter = 0

        var description: String { message.description }

        /// What the demo's verifikasi dan validasi did, in the reader's language.
        var message: Message {
            Message(
                "dev.demo.verificationCounts", .count(casesOpened), .count(verified), .count(reopened), .count(conflictsBefore), .count(conflictsAfter))
        }
    }

    /// Konsensus bersama, through the real routes: social aid assigns every open case of Sumberjambe to its
    /// team, records the verifications of the households ``DemoVerification`` picks (with the case id its
    /// worklist shows), and the dissenting clusters visit some of them again, which reopens their cases.
    func verifyConflicts(households: DemoHouseholds) async throws -> VerificationCounts {
        guard let socialAid = system.service("social-aid"), let token = system.tokens["social-aid"] else { return VerificationCounts() }
        let kecamatan = "35.09.31"
        var counts = VerificationCounts()
        try await system.waitForCoordinator(progress: { _ in })
        counts.conflictsBefore = try await conflicts(in: kecamatan)
        let assignment = DevHTTP.json(object: ["areaCode": kecamatan, "team": DemoVerification.team, "assignedOn": DemoVerification.assignedOn.description])
        let assigned = try await DevHTTP.send("POST", socialAid.url + "/v1/verification/assignments", token: token, body: assignment)
        guard assigned.status == 200 else { throw DevError.demoFailed("assigning the cases answered \(assigned.status): \(assigned.text.prefix(300))") }
        try await system.waitForCoordinator(progress: { _ in })

        let worklist = try await DevHTTP.send("GET", socialAid.url + "/v1/worklist?region=\(kecamatan)&flag=case", token: token)
        guard worklist.status == 200, let entries = try? JSONDecoder().decode(Worklist.self, from: worklist.body).entries else {
            throw DevError.demoFailed("social aid's worklist answered \(worklist.status): \(worklist.text.prefix(300))")
        }
        counts.casesOpened = entries.count
        let criteria = Dictionary(households.map { ($0.kkNumber, $0.criteriaMet.map(\.rawValue)) }, uniquingKeysWith: { first, _ in first })
        var minutes: [String: Int] = [:]
        var verifications: [(kk: String, body: Data)] = []
        var revisits: [(kk: String, cluster: String, body: Data)] = []
        for entry in entries {
            let outcome = DemoVerification.outcome(kkNumber: entry.kkNumber, seed: seed)
            guard let verifiedOn = outcome.verifiedOn, let caseID = entry.verification?.caseID,
                let found = entry.statements.first(where: { $0.cluster == "socialAid" })?.status,
                let desa = try? RegionCode(entry.desaCode)
            else { continue }
            minutes[entry.desaCode, default: 0] += 1
            verifications.append((entry.kkNumber, DevHTTP.json(object: [
                "caseID": caseID, "status": found, "criteriaMet": criteria[entry.kkNumber] ?? [],
                "verifiedOn": verifiedOn.description, "verifier": DemoVerification.team,
                "minutesReference": DemoVerification.minutes(desa: desa, number: minutes[entry.desaCode, default: 1]),
            ])))
            if let revisitedOn = outcome.revisitedOn, let dissent = entry.statements.first(where: { $0.status != found }) {
                revisits.append((entry.kkNumber, dissent.cluster, DevHTTP.json(object: [
                    "status": dissent.status, "criteriaMet": criteria[entry.kkNumber] ?? [], "assessedOn": revisitedOn.description,
                    "assessor": "\(dissent.cluster)-revisit-\(kecamatan)",
                ])))
            }
        }
        counts.verified = try await post(verifications.map { (socialAid.url + "/v1/households/\($0.kk)/verification", token, $0.body) })
        try await system.waitForCoordinator(progress: { _ in })
        let revisitRequests = try revisits.map { revisit -> (String, String, Data) in
            guard let service = Cluster(rawValue: revisit.cluster).flatMap({ system.service($0.serviceName) }),
                let serviceToken = system.tokens[service.name]
            else { throw DevError.demoFailed("no service for \(revisit.cluster)") }
            return (service.url + "/v1/households/\(revisit.kk)/assessments", serviceToken, revisit.body)
        }
        counts.reopened = try await post(revisitRequests)
        try await system.waitForCoordinator(progress: { _ in })
        counts.conflictsAfter = try await conflicts(in: kecamatan)
        return counts
    }

    /// Posts each request (``concurrency`` at once); all must answer 201.
    private func post(_ requests: [(url: String, token: String, body: Data)]) async throws -> Int {
        var done = 0
        for start in stride(from: 0, to: requests.count, by: concurrency) {
            let part = requests[start..<min(start + concurrency, requests.count)]
            done += try await withThrowingTaskGroup(of: Int.self) { group in
                for request in part {
                    group.addTask {
                        let answer = try await DevHTTP.send("POST", request.url, token: request.token, body: request.body)
                        guard answer.status == 201 else {
                            throw DevError.demoFailed("\(request.url.split(separator: "/").suffix(2).joined(separator: "/")) answered \(answer.status): \(answer.text.prefix(300))")
                        }
                        return 1
                    }
                }
                return try await group.reduce(0, +)
            }
        }
        return done
    }

    private func conflicts(in region: String) async throws -> Int {
        guard let coordinator = system.service("coordinator"), let token = system.tokens["coordinator"] else { return 0 }
        let answer = try await DevHTTP.send("GET", coordinator.url + "/v1/overview?region=\(region)&depth=0", token: token)
        struct Overview: Decodable {
            struct Summary: Decodable { var totals: Totals }
            struct Totals: Decodable { var conflicts: Int }
            var region: Summary
        }
        return (try? JSONDecoder().decode(Overview.self, from: answer.body))?.region.totals.conflicts ?? 0
    }

    /// The parts of a worklist the demo reads.
    private struct Worklist: Decodable {
        struct Entry: Decodable {
            struct Statement: Decodable {
                var cluster: String
                var status: String
            }
            struct Case: Decodable { var caseID: String? }
            var kkNumber: String
            var desaCode: String
            var verification: Case?
            var statements: [Statement]
        }
        var entries: [Entry]
    }
}
