import EntasCluster
import EntasDomain
import Foundation

extension HouseholdRegistration {
    /// Household `number` of a test, as `POST /v1/households` takes it: KK `350931` + 10 digits and a
    /// head's NIK issued in Kecamatan Sumberjambe (``sampleNIK(_:)``), in
    /// `desa`, meeting the first `criteria` of the 14 BPS criteria.
    public static func sample(
        _ number: Int, desa: String = "35.09.31.2006", criteria: Int = 10, baseline: PovertyStatus? = .miskin,
        headName: String? = nil, memberCount: Int = 4, address: String = "Dusun Krajan RT 01 RW 02"
    ) throws -> HouseholdRegistration {
        HouseholdRegistration(
            kkNumber: try KKNumber(sampleKK(number)), headNIK: try NIK(sampleNIK(number)), headName: headName ?? "Kepala Keluarga \(number)",
            address: address, desaCode: try RegionCode(desa), memberCount: memberCount,
            criteriaMet: Array(PovertyCriterion.allCases.prefix(criteria)), baselineStatus: baseline)
    }

    /// The KK number of sample household `number`.
    public static func sampleKK(_ number: Int) -> String { String(format: "350931%010d", number) }

    /// The head's NIK of sample household `number`: a man born on 15 July of a year 1960–1989, then a sequence.
    /// Unique over any 1.4 million consecutive numbers (one person heads one household): the birth day, 15–28
    /// July, moves on every 99,990.
    public static func sampleNIK(_ number: Int) -> String {
        String(format: "350931%02d07%02d%04d", 15 + number / 99_990 % 14, 60 + number % 30, number % 9_999 + 1)
    }
}

/// Request bodies for the services under test.
public enum JSONBody {
    /// `value` as the JSON a client sends (keys sorted).
    public static func json(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(value)) ?? Data()
    }

    /// `value` as JSON after `change` has edited it as an object: a bad request built from a good one.
    public static func json(_ value: some Encodable, changing change: (inout [String: Any]) -> Void) -> Data {
        var object = self.object(value)
        change(&object)
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }

    /// `value`'s JSON as an object, to edit or to compare with an answer.
    public static func object(_ value: some Encodable) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: json(value))) as? [String: Any]) ?? [:]
    }
}
