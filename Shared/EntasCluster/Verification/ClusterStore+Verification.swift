import EntasAPI
import EntasDomain
import EntasService
import EntasStore
import Foundation
import GRDB

extension ClusterStore {
    /// The households of this service in `region` (a desa or a kecamatan) that the coordinator flags (gap,
    /// conflict, open case), with the head's name and address from the replica and the clusters' statements
    /// from the coordinator; only those with `flag` when one is given.
    public func worklist(region: RegionCode, flag: HouseholdFlag?, link: CoordinatorLink?) async throws -> Worklist {
        let area = try Self.workArea(region, field: "region")
        try scope.require(area)
        guard let link else { throw CoordinatorLink.notConfigured }
        let households = try await database.read { db in
            try HouseholdReplica.filter(
                area.level == .desa ? HouseholdReplica.Columns.desaCode == area : Column("kecamatanCode") == area
            ).order(HouseholdReplica.Columns.desaCode, HouseholdReplica.Columns.kkNumber).fetchAll(db)
        }
        let flagged = try await link.flags(of: households.map(\.kkNumber))
        let entries = households.enumerated().compactMap { index, household -> WorklistEntry? in
            guard let found = flagged[index], flag.map(found.flags.contains) ?? true else { return nil }
            return WorklistEntry(
                kkNumber: household.kkNumber.rawValue, headName: household.headName, address: household.address,
                desaCode: household.desaCode, flags: found.flags, consensusStatus: found.consensusStatus,
                coveredBy: found.coveredBy, verification: found.verification, statements: found.assessments)
        }
        return Worklist(
            regionCode: area, regionName: RegionReference.eastJava.region(area)?.name ?? area.dotted, flag: flag,
            households: households.count, entries: entries)
    }

    /// Publishes `verification.requested`: this cluster doubts the household's data.
    public func requestVerification(_ kk: KKNumber, _ ask: VerificationAsk) async throws -> VerificationReceipt {
        try await database.write { db in
            let household = try requireHousehold(kk, in: db)
            let payload = VerificationRequested(
                kkNumber: kk, desaCode: household.desaCode, cluster: cluster, reason: ask.reason,
                requestedOn: ask.requestedOn ?? .today())
            let id = try publish(.verificationRequested(payload), in: db)
            return VerificationReceipt(kkNumber: kk.rawValue, eventType: VerificationRequested.eventType.ceType, eventID: id)
        }
    }

    /// Publishes `verification.assigned` for every open case of the area's households that `team` does not
    /// have yet.
    public func assign(_ assignment: CaseAssignment, link: CoordinatorLink?) async throws -> AssignmentResult {
        let area = try Self.workArea(assignment.areaCode, field: "areaCode")
        try scope.require(area)
        guard let link else { throw CoordinatorLink.notConfigured }
        let worklist = try await worklist(region: area, flag: .case, link: link)
        let day = assignment.assignedOn ?? .today()
        let payloads = try worklist.entries.compactMap { entry -> VerificationAssigned? in
            // A case this team already has is left as it is (assigning an area again publishes nothing twice).
            guard let open = entry.verification, open.team != assignment.team, let id = open.caseID.flatMap(UUID.init(uuidString:))
            else { return nil }
            return VerificationAssigned(
                kkNumber: try KKNumber(entry.kkNumber), desaCode: entry.desaCode, cluster: cluster, caseID: id,
                team: assignment.team, areaCode: area, assignedOn: day)
        }
        try await database.write { db in
            for payload in payloads { try publish(.verificationAssigned(payload), in: db) }
        }
        return AssignmentResult(areaCode: area, team: assignment.team, assigned: payloads.count)
    }

    /// Publishes `household.verified` for the household's open case, once the coordinator confirms the case
    /// is open and this cluster may verify.
    /// - Throws: 403 `verifier-not-allowed` when this cluster is not a verifying cluster; 404 for an unknown
    ///   household or `unknown-case` when the case is not the household's open case.
    public func verify(
        _ kk: KKNumber, _ record: VerificationRecord, verifiers: Set<Cluster>, link: CoordinatorLink?
    ) async throws -> VerificationReceipt {
        guard verifiers.contains(cluster) else {
            throw ProblemDocument(
                status: .forbidden, code: "verifier-not-allowed", title: Message("cluster.verification.notVerifier.title"),
                detail: Message("cluster.verification.notVerifier.detail", .text(verifiers.map(\.rawValue).sorted().joined(separator: ", "))))
        }
        let household = try await database.read { db in try requireHousehold(kk, in: db) }
        guard let link else { throw CoordinatorLink.notConfigured }
        let open = try await link.flags(of: [kk])[0]?.verification
        let caseID = record.caseID.lowercaseText
        guard let open, open.state != .verified, open.caseID == caseID else {
            let now = open?.caseID.map { Message("cluster.verification.openCaseIs", .text($0)) } ?? Message("cluster.verification.noOpenCase")
            throw ProblemDocument(
                status: .notFound, code: "unknown-case", title: Message("cluster.verification.unknownCase.title"),
                detail: Message("cluster.verification.unknownCase.detail", .text(caseID), .text(kk.masked), .message(now)),
                field: "caseID")
        }
        return try await database.write { db in
            let payload = HouseholdVerified(
                kkNumber: kk, desaCode: household.desaCode, cluster: cluster, caseID: record.caseID, status: record.status,
                criteriaMet: record.criteriaMet, verifiedOn: record.verifiedOn, verifier: record.verifier,
                minutesReference: record.minutesReference)
            let id = try publish(.householdVerified(payload), in: db)
            return VerificationReceipt(kkNumber: kk.rawValue, eventType: HouseholdVerified.eventType.ceType, eventID: id)
        }
    }

    /// A desa or kecamatan of the reference, or a 422 naming `field`.
    static func workArea(_ code: RegionCode, field: String) throws -> RegionCode {
        guard RegionReference.eastJava.contains(code), code.level == .desa || code.level == .kecamatan else {
            throw ProblemDocument.invalidField(field, Message("cluster.worklist.notWorkArea", .text(code.description)))
        }
        return code
    }
}
