import EntasAPI
import EntasDomain
import Foundation
import GRDB

@testable import Coordinator

/// Everything the read model shows, to compare two databases: the region tables, every stored row of the
/// households and their facts, the province's overview down to desa level, each household's detail, and
/// the province's progress.
struct ViewSnapshot: Equatable {
    var stored: ReadModelRecount
    var households: [Household]
    var assessments: [ClusterAssessment]
    var enrolments: [Enrolment]
    var referrals: [Referral]
    var deliveries: [Delivery]
    var history: [HouseholdEvent]
    var overview: Overview
    var details: [HouseholdDetail]
    var progress: ProgressReport
    var commitments: [CommitmentView]
    var eventsApplied: Int
    var lastEventTime: Date?

    static func take(_ pool: DatabasePool) async throws -> ViewSnapshot {
        let queries = CoordinatorQueries(pool)
        let rows = try await pool.read { db in
            (
                try CoordinatorReadModel.stored(db),
                try Household.order(Household.Columns.key).fetchAll(db),
                try ClusterAssessment.order(Column("householdKey"), Column("cluster")).fetchAll(db),
                try Enrolment.order(Column("enrolmentID")).fetchAll(db),
                try Referral.order(Column("referralID")).fetchAll(db),
                try Delivery.order(Column("deliveryID")).fetchAll(db),
                try HouseholdEvent.order(Column("eventId")).fetchAll(db)
            )
        }
        var details: [HouseholdDetail] = []
        for household in rows.1 {
            if let detail = try await queries.household(key: household.key) { details.append(detail) }
        }
        let freshness = try await queries.freshness()
        return ViewSnapshot(
            stored: rows.0, households: rows.1, assessments: rows.2, enrolments: rows.3, referrals: rows.4,
            deliveries: rows.5, history: rows.6,
            overview: try await queries.overview(region: .eastJava, depth: 3),
            details: details,
            progress: try await queries.progress(
                region: .eastJava, from: try CalendarMonth("2026-12"), to: try CalendarMonth("2028-01")),
            commitments: try await queries.commitments(region: .eastJava),
            eventsApplied: freshness.eventsApplied, lastEventTime: freshness.lastEventTime)
    }
}
