import EntasDomain

/// Synthetic Javanese- and Madurese-style names of heads of household, put together from small lists of
/// common given names; they name no real person.
enum DemoNames {
    /// Men's given names, Madurese style.
    static let maduresesMen = [
        "Sahri", "Buhari", "Marsuki", "Hosnan", "Matrawi", "Busiri", "Juhari", "Sanemo", "Marsidi", "Samsul",
        "Suhdi", "Ratam", "Misnadi", "Jumali", "Rasidi", "Sahwi", "Holil", "Mat Sani", "Sunardi", "Hasan",
    ]
    /// Men's given names, Javanese style.
    static let javaneseMen = [
        "Suparman", "Sutrisno", "Slamet", "Sugeng", "Paimin", "Wagiman", "Sumarno", "Sukardi", "Tukiman",
        "Karyono", "Mulyadi", "Sarjono", "Wiyono", "Gimin", "Parno", "Sutikno",
    ]
    /// Women's given names, Madurese style.
    static let maduresesWomen = [
        "Misnaten", "Sutiha", "Busani", "Hatija", "Holifah", "Saniyah", "Sunami", "Asiyah", "Maisaroh", "Halimah",
        "Sarimah", "Mutmainah", "Rusmiyati", "Satuna",
    ]
    /// Women's given names, Javanese style.
    static let javaneseWomen = [
        "Sumiati", "Suwarni", "Painem", "Ngatini", "Marsini", "Sulastri", "Tumini", "Sriyati", "Katemi", "Wartini",
        "Sumini", "Tukinah",
    ]
    /// Second names some men carry.
    static let menSecond = [
        "Hadi", "Santoso", "Efendi", "Rahman", "Sholeh", "Syaiful", "Ridwan", "Abdullah", "Wibowo", "Hariyanto",
    ]
    /// Names some women carry in front of the given name.
    static let womenFirst = ["Siti", "Nur", "Sri", "Umi"]

    /// A head's name: 70% Madurese-style (the demo's regions are largely Madurese-speaking), with a second
    /// name for about a third of men and a leading name for about a quarter of women.
    static func name(_ sex: Sex, using generator: inout SplitMix64) -> String {
        let madurese = generator.chance(0.7)
        switch sex {
        case .male:
            let given = pick(madurese ? maduresesMen : javaneseMen, &generator)
            return generator.chance(0.35) ? given + " " + pick(menSecond, &generator) : given
        case .female:
            let given = pick(madurese ? maduresesWomen : javaneseWomen, &generator)
            return generator.chance(0.25) ? pick(womenFirst, &generator) + " " + given : given
        }
    }

    private static func pick(_ list: [String], _ generator: inout SplitMix64) -> String {
        generator.element(of: list) ?? "Slamet"
    }
}
