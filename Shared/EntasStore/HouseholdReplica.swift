import EntasDomain
import Foundation
import GRDB

/// One row of `householdReplica`: a household this service has learned of from `entas.households`, as the
/// latest `household.registered` / `household.updated` events describe it (any cluster may publish them).
///
/// Write it with ``upsert(registered:eventID:at:in:)`` and ``apply(updated:eventID:at:in:)`` (inside the
/// inbox transaction), read it through ``HouseholdReplicaStore``. It holds a KK number, a NIK and a name:
/// printing or dumping a replica shows only the masked KK number and the desa.
public struct HouseholdReplica: Sendable, Hashable, Identifiable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "householdReplica"

    /// No. KK: the primary key.
    public var kkNumber: KKNumber
    /// NIK of the head of household.
    public var headNIK: NIK
    /// Name of the head of household.
    public var headName: String
    public var address: String
    /// The desa/kelurahan where the household lives.
    public var desaCode: RegionCode
    /// The kecamatan of ``desaCode`` (its parent), kept as a column to list a kecamatan quickly.
    public var kecamatanCode: RegionCode
    public var memberCount: Int
    /// The BPS criteria met, each once, in criterion order; stored as a JSON array of identifiers.
    public var criteriaMet: [PovertyCriterion]
    /// The PPLS 2008 status, as stated in the registration.
    public var baselineStatus: PovertyStatus?
    /// The cluster whose registration this service saw first.
    public var registeredBy: Cluster
    /// When this service first learned of the household; later registrations and updates keep it.
    public var firstSeenAt: Date
    /// When the last event changed the row.
    public var updatedAt: Date
    /// The CloudEvents id of the last event that changed the row.
    public var lastEventId: UUID

    public var id: KKNumber { kkNumber }

    /// A replica as `registered` describes it, first seen (and updated) at `date` through event `eventID`.
    public init(registered: HouseholdRegistered, eventID: UUID, at date: Date) {
        kkNumber = registered.kkNumber
        headNIK = registered.headNIK
        headName = registered.headName
        address = registered.address
        desaCode = registered.desaCode
        kecamatanCode = Self.kecamatan(of: registered.desaCode)
        memberCount = registered.memberCount
        criteriaMet = Self.canonical(registered.criteriaMet)
        baselineStatus = registered.baselineStatus
        registeredBy = registered.registeredBy
        firstSeenAt = date
        updatedAt = date
        lastEventId = eventID
    }

    /// The table's columns, for requests.
    public enum Columns {
        public static let kkNumber = Column(CodingKeys.kkNumber)
        public static let headNIK = Column(CodingKeys.headNIK)
        public static let headName = Column(CodingKeys.headName)
        public static let address = Column(CodingKeys.address)
        public static let desaCode = Column(CodingKeys.desaCode)
        public static let kecamatanCode = Column(CodingKeys.kecamatanCode)
        public static let memberCount = Column(CodingKeys.memberCount)
        public static let criteriaMet = Column(CodingKeys.criteriaMet)
        public static let baselineStatus = Column(CodingKeys.baselineStatus)
        public static let registeredBy = Column(CodingKeys.registeredBy)
        public static let firstSeenAt = Column(CodingKeys.firstSeenAt)
        public static let updatedAt = Column(CodingKeys.updatedAt)
        public static let lastEventId = Column(CodingKeys.lastEventId)
    }

    /// Event ids are stored as lowercase text, as in `outboxMessage` and `inboxEntry`.
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy {
        .lowercaseString
    }

    /// Each criterion once, in criterion order, so equal sets are stored as equal text.
    static func canonical(_ criteria: [PovertyCriterion]) -> [PovertyCriterion] {
        Set(criteria).sorted()
    }

    /// The kecamatan of a desa code; a code above desa level is its own "kecamatan", which the table's
    /// CHECK constraints then refuse.
    static func kecamatan(of desa: RegionCode) -> RegionCode {
        desa.level == .desa ? (desa.parent ?? desa) : desa
    }
}

extension HouseholdReplica: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Only the masked KK number and the desa: a replica's name and NIK never reach a log.
    public var description: String { "HouseholdReplica(\(kkNumber.masked), desa \(desaCode))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["kkNumber": kkNumber.masked, "desaCode": desaCode.dotted])
    }
}

extension DerivableRequest<HouseholdReplica> {
    /// Households living in `region`: a desa, a kecamatan, a kabupaten/kota or the whole province.
    public func filter(region: RegionCode) -> Self {
        switch region.level {
        case .desa:
            return filter(HouseholdReplica.Columns.desaCode == region)
        case .kecamatan:
            return filter(HouseholdReplica.Columns.kecamatanCode == region)
        default:
            // Dotted codes of the kecamatan inside `35.09` run from "35.09." up to (not including) "35.09/",
            // "/" being the character after "."; a range keeps the kecamatan index usable.
            let prefix = region.dotted + "."
            let end = region.dotted + "/"
            return filter(
                HouseholdReplica.Columns.kecamatanCode >= prefix && HouseholdReplica.Columns.kecamatanCode < end)
        }
    }
}
