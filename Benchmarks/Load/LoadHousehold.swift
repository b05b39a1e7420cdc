import Foundation

/// The households of a load run: valid Sumberjambe registrations, numbered.
enum LoadHousehold {
    static let desas = (2001...2009).map { "35.09.31.\($0)" }

    static func kk(_ number: Int) -> String { String(format: "350931%010d", number) }

    static func nik(_ number: Int) -> String {
        String(format: "350931%02d%02d%02d%04d", 15, number % 12 + 1, 50 + number % 40, number % 9_999 + 1)
    }

    static func registration(_ number: Int) -> [String: Any] {
        [
            "kkNumber": kk(number), "headNIK": nik(number), "headName": "Kepala Keluarga \(number)",
            "address": "Dusun Krajan RT \(number % 9 + 1) RW 02", "desaCode": desas[number % desas.count], "memberCount": number % 6 + 1,
            "criteriaMet": ["floor_earth_bamboo_or_cheap_wood", "no_private_toilet", "cooks_with_firewood_charcoal_or_kerosene"],
            "baselineStatus": ["sangatMiskin", "miskin", "hampirMiskin"][number % 3],
        ]
    }

    static func csvRow(_ number: Int) -> String {
        "\(kk(number)),\(nik(number)),Kepala Keluarga \(number),Dusun Krajan,\(desas[number % desas.count]),\(number % 6 + 1),2;4;7,\(["SM", "M", "HM"][number % 3])\n"
    }
}
