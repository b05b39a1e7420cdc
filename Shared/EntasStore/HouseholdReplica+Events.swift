import EntasDomain
import Foundation
import GRDB

extension HouseholdReplica {
    /// Records a `household.registered` event, inside the caller's transaction (normally the inbox's).
    ///
    /// A KK number not yet known gets a new row. A KK number already known (re-registered, perhaps by
    /// another cluster) takes every field of the event, but keeps ``firstSeenAt`` and ``registeredBy``:
    /// both say who and when the household was first seen here.
    /// - Returns: the row as stored.
    @discardableResult
    public static func upsert(
        registered: HouseholdRegistered, eventID: UUID, at date: Date, in db: Database
    ) throws -> HouseholdReplica {
        var replica = HouseholdReplica(registered: registered, eventID: eventID, at: date)
        if let existing = try HouseholdReplica.fetchOne(db, cachedWhere: "kkNumber", equals: registered.kkNumber) {
            replica.firstSeenAt = existing.firstSeenAt
            replica.registeredBy = existing.registeredBy
        }
        try replica.save(db)
        return replica
    }

    /// Records a `household.updated` event, inside the caller's transaction: only the fields present in
    /// `updated` change (a new desa moves the kecamatan with it; a criteria list replaces the old one).
    ///
    /// - Returns: the row as stored.
    /// - Throws: ``HouseholdReplicaError/unknownHousehold(_:)`` when the household has not been registered
    ///   here. Inside ``Inbox/applyOnce(eventID:eventType:at:_:)`` that rolls the transaction back, so the
    ///   event is not marked applied and can be replayed later (from the dead-letter topic).
    @discardableResult
    public static func apply(
        updated: HouseholdUpdated, eventID: UUID, at date: Date, in db: Database
    ) throws -> HouseholdReplica {
        guard var replica = try HouseholdReplica.fetchOne(db, cachedWhere: "kkNumber", equals: updated.kkNumber) else {
            throw HouseholdReplicaError.unknownHousehold(updated.kkNumber)
        }
        if let headNIK = updated.headNIK { replica.headNIK = headNIK }
        if let headName = updated.headName { replica.headName = headName }
        if let address = updated.address { replica.address = address }
        if let desaCode = updated.desaCode {
            replica.desaCode = desaCode
            replica.kecamatanCode = kecamatan(of: desaCode)
        }
        if let memberCount = updated.memberCount { replica.memberCount = memberCount }
        if let criteriaMet = updated.criteriaMet { replica.criteriaMet = canonical(criteriaMet) }
        replica.updatedAt = date
        replica.lastEventId = eventID
        try replica.update(db)
        return replica
    }
}
