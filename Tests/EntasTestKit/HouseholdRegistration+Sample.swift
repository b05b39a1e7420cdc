import EntasCluster
import EntasDomain
import Foundation

extension HouseholdRegistration {
    /// Household `number` of a test, as `POST /v1/households` takes it: KK `350931` + 10 digits and a
    /// head's NIK issued in Kecamatan Sumberjambe (``sampleNIK(_:)``), in
    /// `desa`, meeting the first `criteria` of the 14 BPS criteria.
    public static func sample(
        _ number: Int, desa: String = "35.09.31.2006", criteria: Int = 10, baseline: PovertyStatus? = .miskin,
        headName: String? = nil, memberCount: Int = 4, address: String = "Dusun Krajan RT 01 RW 02", withMembers: Bool = false
    ) throws -> HouseholdRegistration {
        let name = headName ?? "Kepala Keluarga \(number)"
        let members = withMembers ? try sampleMembers(number, headName: name) : nil
        return HouseholdRegistration(
            kkNumber: try KKNumber(sampleKK(number)), headNIK: try NIK(sampleNIK(number)), headName: name,
            address: address, desaCode: try RegionCode(desa), memberCount: members?.count ?? memberCount,
            criteriaMet: Array(PovertyCriterion.allCases.prefix(criteria)), baselineStatus: baseline, members: members)
    }

    /// The family of sample household `number`, as on its KK: the head (``sampleNIK(_:)``, a man born 15–28
    /// July 1960–1989), his wife (born in September, five years later), a son at SD (born October 2016) and a
    /// daughter under six (born November 2023). In 2027 the family counts for PKH twice (the pupil, the
    /// young child); the son may enrol in PIP.
    public static func sampleMembers(_ number: Int, headName: String = "Kepala Keluarga") throws -> [HouseholdMember] {
        let day = 15 + number / 99_990 % 14
        let headYear = 1960 + number % 30
        func member(_ nik: String, _ name: String, _ relationship: FamilyRelationship, _ sex: Sex, _ born: String) throws -> HouseholdMember {
            HouseholdMember(nik: try NIK(nik), name: name, relationship: relationship, sex: sex, birthDate: try CalendarDate(born))
        }
        var son = try member(sampleMemberNIK(number, month: 10, year: 16), "Anak \(number)", .child, .male, String(format: "2016-10-%02d", day))
        son.schoolLevel = .sd
        son.inSchool = true
        return [
            try member(sampleNIK(number), headName, .head, .male, String(format: "%04d-07-%02d", headYear, day)),
            try member(
                sampleMemberNIK(number, month: 9, year: (headYear + 5) % 100, female: true), "Istri \(number)", .spouse, .female,
                String(format: "%04d-09-%02d", headYear + 5, day)),
            son,
            try member(sampleMemberNIK(number, month: 11, year: 23, female: true), "Adik \(number)", .child, .female, String(format: "2023-11-%02d", day)),
        ]
    }

    /// Sample household `number` with only its first `members` (head, wife, …); `adults` makes the first two
    /// aged 40–59 on 2027-01-15 (no PKH component).
    public static func sample(_ number: Int, members count: Int, adults: Bool = false) throws -> HouseholdRegistration {
        var registration = try sample(number, withMembers: true)
        var list = Array(try sampleMembers(number, headName: registration.headName).prefix(count))
        if adults {
            let day = 15 + number / 99_990 % 14
            list = list.enumerated().map { index, member in
                var adult = member
                let year = 1975 + index
                adult.birthDate = (try? CalendarDate(year: year, month: index == 0 ? 7 : 9, day: day)) ?? member.birthDate
                adult.nik = (try? NIK(index == 0
                    ? String(format: "350931%02d07%02d%04d", day, year % 100, number % 9_999 + 1)
                    : sampleMemberNIK(number, month: 9, year: year % 100, female: true))) ?? member.nik
                return adult
            }
            registration.headNIK = list[0].nik
        }
        registration.members = list
        registration.memberCount = list.count
        return registration
    }

    /// A member's NIK for sample household `number`: born in `month` (not July, the heads' month) of `year`
    /// (two digits), on the household's day; unique over 9,999 consecutive numbers (the son's and daughter's years are fixed).
    public static func sampleMemberNIK(_ number: Int, month: Int, year: Int, female: Bool = false) -> String {
        String(format: "350931%02d%02d%02d%04d", 15 + number / 99_990 % 14 + (female ? 40 : 0), month, year, number % 9_999 + 1)
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
