import EntasDomain
import Foundation
import GRDB

/// The households a service has learned of from `entas.households` (table `householdReplica`).
///
/// The consumer of `entas.households` calls ``receive(registered:eventID:at:)`` and
/// ``receive(updated:eventID:at:)``, which apply each event once through the ``Inbox``; a service that
/// applies an event together with changes of its own calls the `HouseholdReplica` functions inside its own
/// ``Inbox/applyOnce(eventID:eventType:at:_:)`` closure instead.
public struct HouseholdReplicaStore: Sendable {
    /// The largest page ``list(in:limit:offset:)`` returns.
    public static let maximumPageSize = 1_000

    private let writer: any DatabaseWriter

    /// A store over `writer`, a database migrated with ``EntasDatabase/registerSharedMigrations(_:)``.
    public init(_ writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Applies a `household.registered` event once: ``HouseholdReplica/upsert(registered:eventID:at:in:)``
    /// and the inbox entry, in one transaction.
    public func receive(
        registered: HouseholdRegistered, eventID: UUID, at date: Date = Date()
    ) async throws -> InboxOutcome {
        let type = HouseholdRegistered.eventType.ceType
        return try await Inbox(writer).applyOnce(eventID: eventID, eventType: type, at: date) { db in
            try HouseholdReplica.upsert(registered: registered, eventID: eventID, at: date, in: db)
        }
    }

    /// Applies a `household.updated` event once: ``HouseholdReplica/apply(updated:eventID:at:in:)`` and the
    /// inbox entry, in one transaction.
    /// - Throws: ``HouseholdReplicaError/unknownHousehold(_:)``, with nothing written.
    public func receive(
        updated: HouseholdUpdated, eventID: UUID, at date: Date = Date()
    ) async throws -> InboxOutcome {
        let type = HouseholdUpdated.eventType.ceType
        return try await Inbox(writer).applyOnce(eventID: eventID, eventType: type, at: date) { db in
            try HouseholdReplica.apply(updated: updated, eventID: eventID, at: date, in: db)
        }
    }

    /// The household with this KK number, or nil.
    public func fetch(kk kkNumber: KKNumber) async throws -> HouseholdReplica? {
        try await writer.read { db in try HouseholdReplica.fetchOne(db, key: kkNumber) }
    }

    /// A page of the households living in `region` (a desa, kecamatan, kabupaten/kota or the province),
    /// in KK number order.
    /// - Parameters:
    ///   - limit: the page size, at most ``maximumPageSize`` (larger values are lowered to it).
    ///   - offset: how many households to skip.
    public func list(in region: RegionCode, limit: Int, offset: Int = 0) async throws -> [HouseholdReplica] {
        let limit = min(max(limit, 0), Self.maximumPageSize)
        guard limit > 0 else { return [] }
        return try await writer.read { db in
            try HouseholdReplica.all()
                .filter(region: region)
                .order(HouseholdReplica.Columns.kkNumber)
                .limit(limit, offset: max(offset, 0))
                .fetchAll(db)
        }
    }

    /// How many households live in `region`, or are known at all when `region` is nil.
    public func count(in region: RegionCode? = nil) async throws -> Int {
        try await writer.read { db in
            if let region {
                try HouseholdReplica.all().filter(region: region).fetchCount(db)
            } else {
                try HouseholdReplica.fetchCount(db)
            }
        }
    }
}
