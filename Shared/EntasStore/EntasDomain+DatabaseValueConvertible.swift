import EntasDomain
import GRDB

// How EntasDomain's values are stored in SQLite, for every service: as text, in the form their JSON uses.
// Reading a value that no longer validates (a hand-edited row, say) fails the fetch with GRDB's decoding
// error instead of producing an invalid value.

/// Stored as its 16 digits. Validated against the region reference when read.
extension KKNumber: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> KKNumber? {
        String.fromDatabaseValue(dbValue).flatMap { try? KKNumber($0) }
    }
}

/// Stored as its 16 digits. Validated against the region reference when read.
extension NIK: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> NIK? {
        String.fromDatabaseValue(dbValue).flatMap { try? NIK($0) }
    }
}

/// Stored dotted (`35.09.31.2006`), as in JSON, so a kecamatan code is a prefix of its desa codes.
/// Reading also accepts the plain digits.
extension RegionCode: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { dotted.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> RegionCode? {
        String.fromDatabaseValue(dbValue).flatMap { try? RegionCode($0) }
    }
}

/// Stored as the raw value (the case name, e.g. `sangatMiskin`).
extension PovertyStatus: DatabaseValueConvertible {}

/// Stored as the raw value, the stable identifier (e.g. `no_private_toilet`).
extension PovertyCriterion: DatabaseValueConvertible {}

/// Stored as the raw value (the case name, e.g. `socialAid`).
extension Cluster: DatabaseValueConvertible {}

/// Stored as `YYYY-MM-DD`, so dates sort as text.
extension CalendarDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CalendarDate? {
        String.fromDatabaseValue(dbValue).flatMap { try? CalendarDate($0) }
    }
}

/// Stored as in JSON: `2027`, `2027-Q1` or `2027-03`.
extension Period: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Period? {
        String.fromDatabaseValue(dbValue).flatMap { try? Period($0) }
    }
}

/// Stored as the raw value (`socialProtection`, …).
extension Strategy: DatabaseValueConvertible {}

/// Stored as the raw value (`accepted`, `declined`).
extension ReferralOutcome: DatabaseValueConvertible {}

extension CalendarMonth: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CalendarMonth? {
        String.fromDatabaseValue(dbValue).flatMap { try? CalendarMonth($0) }
    }
}
