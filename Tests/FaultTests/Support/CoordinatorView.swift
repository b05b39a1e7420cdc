import EntasAPI
import EntasDomain
import Foundation
import GRDB

@testable import Coordinator

/// What the coordinator shows, read from its SQLite file: the region tables as stored, and
/// every household and fact row. Two stores show the same views when these are equal.
struct CoordinatorView: Equatable {
    var stored: ReadModelRecount
    var households: [Coordinator.Household]
    var assessments: [ClusterAssessment]
    var enrolments: [Coordinator.Enrolment]
    var referrals: [Coordinator.Referral]
    var deliveries: [Coordinator.Delivery]
    var history: [HouseholdEvent]

    static func read(_ path: String) throws -> CoordinatorView {
        try StoreReader.read(path) { db in
            CoordinatorView(
                stored: try CoordinatorReadModel.stored(db),
                households: try Coordinator.Household.order(Column("key")).fetchAll(db),
                assessments: try ClusterAssessment.order(Column("householdKey"), Column("cluster")).fetchAll(db),
                enrolments: try Coordinator.Enrolment.order(Column("enrolmentID")).fetchAll(db),
                referrals: try Coordinator.Referral.order(Column("referralID")).fetchAll(db),
                deliveries: try Coordinator.Delivery.order(Column("deliveryID")).fetchAll(db),
                history: try HouseholdEvent.order(Column("eventId")).fetchAll(db))
        }
    }

    /// True when the stored region tables equal a recount from the stored facts.
    static func recountMatches(_ path: String) throws -> Bool {
        try StoreReader.read(path) { db in try CoordinatorReadModel.stored(db) == CoordinatorReadModel.recount(db) }
    }

    /// How many rows differ between two views (0 when equal): a count of effects lost or doubled.
    func differences(from other: CoordinatorView) -> Int {
        func diff<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
            zip(a, b).filter { $0 != $1 }.count + abs(a.count - b.count)
        }
        return diff(households, other.households) + diff(assessments, other.assessments) + diff(enrolments, other.enrolments)
            + diff(referrals, other.referrals) + diff(deliveries, other.deliveries) + diff(history, other.history)
            + diff(stored.aggregates, other.stored.aggregates) + diff(stored.strategies, other.stored.strategies)
            + diff(stored.months, other.stored.months)
    }

    /// The coordinator's key of a household.
    static func key(_ kk: String, secretHex: String) throws -> String {
        HouseholdKey(kk: try KKNumber(kk), secret: try HouseholdKeySecret(hex: secretHex)).rawValue
    }
}
