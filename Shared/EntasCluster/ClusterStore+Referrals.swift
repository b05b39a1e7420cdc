import EntasService
import EntasDomain
import EntasStore
import Foundation
import GRDB

/// `POST /v1/referrals`: hand a household to another cluster.
public struct ReferralRequest: Codable, Sendable {
    public var kkNumber: KKNumber
    public var toCluster: Cluster
    public var reason: String
}

/// `POST /v1/referrals/{id}/accept|decline`.
public struct ReferralAnswerRequest: Codable, Sendable {
    public var note: String?
    public var answeredOn: CalendarDate?
}

extension ClusterStore {
    /// Refers a household to another cluster; publishes `referral.made` on this cluster's topic.
    public func refer(_ request: ReferralRequest, on date: CalendarDate = .today()) async throws -> Referral {
        try await database.write { db in try refer(request, on: date, in: db) }
    }

    package func refer(_ request: ReferralRequest, on date: CalendarDate, in db: Database) throws -> Referral {
        guard request.toCluster != cluster else {
            throw ProblemDocument.invalidField("toCluster", Message("cluster.referral.toItself", .text(cluster.rawValue)))
        }
        let household = try requireHousehold(request.kkNumber, in: db)
        let referral = Referral(
            id: .timeOrdered(), kkNumber: request.kkNumber, desaCode: household.desaCode, fromCluster: cluster, toCluster: request.toCluster,
            reason: request.reason, madeOn: date, outcome: nil, note: nil, answeredOn: nil)
        try publish(
            .referralMade(
                ReferralMade(
                    referralID: referral.id, kkNumber: referral.kkNumber, desaCode: referral.desaCode, fromCluster: cluster,
                    toCluster: request.toCluster, reason: request.reason, madeOn: date)), in: db)
        try referral.insert(db)
        return referral
    }

    /// Referrals other clusters made to this one; `open` keeps those not yet answered.
    public func incomingReferrals(openOnly: Bool) async throws -> [Referral] {
        try await database.read { db in
            var request = inScope(Referral.filter(Referral.Columns.toCluster == cluster.rawValue))
            if openOnly { request = request.filter(Referral.Columns.outcome == nil) }
            return try request.order(Column("madeOn"), Referral.Columns.id).fetchAll(db)
        }
    }

    /// Referrals this cluster made, with the answers received.
    public func outgoingReferrals() async throws -> [Referral] {
        try await database.read { db in
            try inScope(Referral.filter(Referral.Columns.fromCluster == cluster.rawValue)).order(Column("madeOn"), Referral.Columns.id).fetchAll(db)
        }
    }

    /// `request` keeping the referrals of households in the token's region.
    private func inScope(_ request: QueryInterfaceRequest<Referral>) -> QueryInterfaceRequest<Referral> {
        guard let pattern = scope.codePattern else { return request }
        return request.filter(sql: "desaCode LIKE ?", arguments: [pattern])
    }

    public func referral(_ id: UUID) async throws -> Referral {
        try await database.read { db in try requireReferral(id, in: db) }
    }

    func requireReferral(_ id: UUID, in db: Database) throws -> Referral {
        guard let referral = try Referral.fetchOne(db, key: id.lowercaseText) else {
            throw ProblemDocument.notFound(Message("cluster.referral.notFound", .text(id.lowercaseText), .text(cluster.indonesianName)))
        }
        try scope.require(record: referral.desaCode)
        return referral
    }

    /// Accepts or declines a referral made to this cluster; publishes `referral.answered`.
    public func answer(_ id: UUID, _ outcome: ReferralOutcome, _ request: ReferralAnswerRequest) async throws -> Referral {
        try await database.write { db in try answer(requireReferral(id, in: db), outcome, request, in: db) }
    }

    /// The open referral `from` made of household `kk` to this cluster.
    package func openReferral(_ kk: KKNumber, from: Cluster, in db: Database) throws -> Referral {
        guard let referral = try Referral.filter(Column("kkNumber") == kk).filter(Referral.Columns.fromCluster == from.rawValue)
            .filter(Referral.Columns.toCluster == cluster.rawValue).filter(Referral.Columns.outcome == nil).fetchOne(db)
        else {
            throw ProblemDocument.notFound(
                Message("cluster.referral.noOpenReferral", .text(kk.masked), .text(from.indonesianName), .text(cluster.indonesianName)))
        }
        return referral
    }

    package func answer(_ referral: Referral, _ outcome: ReferralOutcome, _ request: ReferralAnswerRequest, in db: Database) throws -> Referral {
        var referral = referral
        let id = referral.id
        guard referral.toCluster == cluster else {
            throw ProblemDocument(
                status: .forbidden, code: "not-addressee", title: Message("cluster.referral.notAddressee.title"),
                detail: Message("cluster.referral.notAddressee.detail", .text(referral.toCluster.indonesianName)))
        }
        guard referral.outcome == nil else {
            let detail =
                switch referral.outcome {
                case .accepted: Message("cluster.referral.alreadyAccepted")
                case .declined: Message("cluster.referral.alreadyDeclined")
                case nil: Message("cluster.referral.alreadyAnswered")
                }
            throw ProblemDocument.conflict(detail, code: "already-answered")
        }
        let date = request.answeredOn ?? .today()
        referral.outcome = outcome
        referral.note = request.note
        referral.answeredOn = date
        try publish(
            .referralAnswered(
                ReferralAnswered(
                    referralID: id, kkNumber: referral.kkNumber, desaCode: referral.desaCode, fromCluster: referral.fromCluster,
                    toCluster: referral.toCluster, outcome: outcome, note: request.note, answeredOn: date)), in: db)
        try referral.update(db)
        return referral
    }
}
