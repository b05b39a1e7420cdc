import EntasDomain
import EntasTestKit
import EntasCluster
import Foundation

/// Valid households for the scenarios, numbered: KK `350931` + 10 digits (Kecamatan
/// Sumberjambe), a head's NIK from the same kecamatan, and a head's name with a marker word
/// (`Sukmawati`) that the privacy scan looks for.
enum Households {
    static let nameMarker = "Sukmawati"
    static let desas = (2001...2009).map { "35.09.31.\($0)" }

    static func kk(_ number: Int) -> String { HouseholdRegistration.sampleKK(number) }

    static func nik(_ number: Int) -> String { HouseholdRegistration.sampleNIK(number) }

    static func name(_ number: Int) -> String { "\(nameMarker) Kepala \(number)" }

    /// Household `number`'s registration: in one of the nine desas, with 6–12 criteria met; `withMembers`, with
    /// its family of four (``HouseholdRegistration/sampleMembers(_:headName:)``), each name with the marker.
    static func registration(_ number: Int, withMembers: Bool = false) throws -> HouseholdRegistration {
        var registration = try HouseholdRegistration.sample(
            number, desa: desas[number % desas.count], criteria: 6 + number % 7,
            baseline: [PovertyStatus.sangatMiskin, .miskin, .hampirMiskin][number % 3], headName: name(number),
            memberCount: number % 6 + 1, address: "Dusun Krajan RT \(number % 9 + 1) RW 02")
        if withMembers {
            let members = try HouseholdRegistration.sampleMembers(number, headName: name(number)).map { member in
                var named = member
                if member.relationship != .head { named.name = "\(nameMarker) \(member.name)" }
                return named
            }
            registration.members = members
            registration.memberCount = members.count
        }
        return registration
    }

    static let criteria = [
        "floor_area_under_8m2_per_person", "floor_earth_bamboo_or_cheap_wood", "wall_bamboo_thatch_cheap_wood_or_unplastered",
        "no_private_toilet", "no_electric_lighting", "unsafe_drinking_water_source", "cooks_with_firewood_charcoal_or_kerosene",
        "meat_milk_chicken_once_a_week_or_less", "one_new_clothing_set_a_year_or_less", "one_or_two_meals_a_day",
        "cannot_afford_clinic_treatment", "head_low_income_livelihood", "head_education_primary_or_less", "no_savings_or_assets_500k",
    ]

    static let csvHeader = "kkNumber,headNIK,headName,address,desaCode,memberCount,criteriaMet,baselineStatus\n"

    static let memberCSVHeader = "kkNumber,nik,name,relationship,sex,birthDate,schoolLevel,inSchool,pregnantOrNursing,severeDisability\n"

    /// A members file's row for household `number`: its head, named `name` (the household's by default).
    static func memberCSVRow(_ number: Int, name: String? = nil) -> String {
        let nik = nik(number)
        let birth = "19\(nik.dropFirst(10).prefix(2))-\(nik.dropFirst(8).prefix(2))-\(nik.dropFirst(6).prefix(2))"
        return "\(kk(number)),\(nik),\(name ?? self.name(number)),head,male,\(birth),,,,\n"
    }

    static func csvRow(_ number: Int) -> String {
        "\(kk(number)),\(nik(number)),\(name(number)),\"Dusun Krajan, RT \(number % 9 + 1)\",\(desas[number % desas.count]),\(number % 6 + 1),1;2;5;7;9;11,\(["SM", "M", "HM"][number % 3])\n"
    }
}
