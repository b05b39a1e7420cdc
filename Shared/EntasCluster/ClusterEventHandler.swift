import EntasService
import EntasDomain
import EntasStore
import Foundation
import GRDB

/// What a cluster service does with the events it subscribes to: households from any
/// cluster join its replica ("new household data"); referrals made to it arrive in its
/// incoming list; answers to its own referrals update them. Other events are recorded in
/// the inbox and otherwise ignored.
public struct ClusterEventHandler: Sendable {
    public let cluster: Cluster

    public init(cluster: Cluster) {
        self.cluster = cluster
    }

    /// The topics a cluster service reads: households, and every cluster's facts (referrals
    /// travel on the referring cluster's topic).
    public static let topics: [EntasTopic] = [.households, .socialAid, .empowerment, .umkm, .lowCost]

    /// The events this cluster acts on: households from anyone, referrals made to it, and
    /// answers to its own referrals. The rest is skipped without a transaction.
    public func accepts(_ envelope: EventEnvelope) -> Bool {
        switch envelope.payload {
        case .householdRegistered, .householdUpdated: true
        case .referralMade(let made): made.toCluster == cluster
        case .referralAnswered(let answered): answered.fromCluster == cluster
        default: false
        }
    }

    public func apply(_ envelope: EventEnvelope, _ db: Database) throws {
        switch envelope.payload {
        case .householdRegistered(let registered):
            try HouseholdReplica.upsert(registered: registered, eventID: envelope.id, at: envelope.time, in: db)
        case .householdUpdated(let updated):
            try HouseholdReplica.apply(updated: updated, eventID: envelope.id, at: envelope.time, in: db)
        case .referralMade(let made) where made.toCluster == cluster:
            let referral = Referral(
                id: made.referralID, kkNumber: made.kkNumber, desaCode: made.desaCode, fromCluster: made.fromCluster,
                toCluster: made.toCluster, reason: made.reason, madeOn: made.madeOn, outcome: nil, note: nil, answeredOn: nil)
            try referral.insert(db, onConflict: .ignore)
        case .referralAnswered(let answered) where answered.fromCluster == cluster:
            guard var referral = try Referral.fetchOne(db, key: answered.referralID.lowercaseText) else { return }
            referral.outcome = answered.outcome
            referral.note = answered.note
            referral.answeredOn = answered.answeredOn
            try referral.update(db)
        default:
            return
        }
    }
}
