import EntasDomain
import Foundation
import GRDB

extension HouseholdReplica {
    /// The stored rows of those of `kkNumbers` this service knows, in one statement per 500.
    public static func known(_ kkNumbers: [KKNumber], in db: Database) throws -> [KKNumber: HouseholdReplica] {
        var known: [KKNumber: HouseholdReplica] = [:]
        for chunk in kkNumbers.chunks() {
            for replica in try HouseholdReplica.filter(keys: Array(chunk)).fetchAll(db) { known[replica.kkNumber] = replica }
        }
        return known
    }

    /// Records a `household.registered` event, inside the caller's transaction (normally the inbox's).
    ///
    /// A KK number not yet known gets a new row. A KK number already known (re-registered, perhaps by
    /// another cluster) takes every field of the event, but keeps ``firstSeenAt`` and ``registeredBy``:
    /// both say who and when the household was first seen here. The event's member list, when it has one,
    /// replaces the recorded one; without one the recorded list stays.
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
        if let members = registered.members { try HouseholdMember.replace(members, of: replica.kkNumber, in: db) }
        return replica
    }

    /// Records a `household.updated` event, inside the caller's transaction: only the fields present in
    /// `updated` change (a new desa moves the kecamatan with it; a criteria list or a member list replaces the
    /// old one, and the member count follows the list).
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
        if let members = updated.members {
            replica.memberCount = members.count
            try HouseholdMember.replace(members, of: replica.kkNumber, in: db)
        }
        replica.updatedAt = date
        replica.lastEventId = eventID
        try replica.update(db)
        return replica
    }
}

extension HouseholdReplica {
    /// Inserts a household not yet known here through one cached statement (an import writes thousands a
    /// second; GRDB's Codable record encoding cost more than the insert). The criteria are stored as the JSON
    /// array of their identifiers, as the record's encoding stores them.
    /// - Throws: a GRDB constraint error when the KK number is known already.
    public func insertNew(_ db: Database) throws {
        // No GRDB observation tracks this table (only the outbox's is observed), so the statement may be run
        // through SQLite directly, as the inbox's row is.
        try DirectStatement(
            db,
            sql: """
                INSERT INTO householdReplica (kkNumber, headNIK, headName, address, desaCode, kecamatanCode, memberCount,
                criteriaMet, baselineStatus, registeredBy, firstSeenAt, updatedAt, lastEventId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            kkNumber, headNIK, headName, address, desaCode, kecamatanCode, memberCount, Self.criteriaText(criteriaMet),
            baselineStatus, registeredBy, DatabaseTimestamp.value(firstSeenAt), DatabaseTimestamp.value(updatedAt),
            lastEventId.lowercaseText)
    }

    /// The criteria as the JSON array of their identifiers (`["a","b"]`), as the record's encoding stores them.
    /// Identifiers are lowercase letters, digits and underscores: nothing in them needs JSON escaping.
    static func criteriaText(_ criteria: [PovertyCriterion]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(2 + criteria.count * 24)
        for (index, criterion) in criteria.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: criterion.rawValue.utf8)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension HouseholdReplica {
    /// The households each of `niks` heads here, in one statement per 500 (index `householdReplica_headNIK`).
    public static func heads(_ niks: [NIK], in db: Database) throws -> [NIK: [KKNumber]] {
        var heads: [NIK: [KKNumber]] = [:]
        for chunk in Array(Set(niks)).chunks() {
            let rows = try Row.fetchAll(
                db, HouseholdReplica.select(Columns.kkNumber, Columns.headNIK).filter(chunk.contains(Columns.headNIK)))
            for row in rows {
                if let nik = row[Columns.headNIK] as NIK?, let kk = row[Columns.kkNumber] as KKNumber? { heads[nik, default: []].append(kk) }
            }
        }
        return heads
    }
}
