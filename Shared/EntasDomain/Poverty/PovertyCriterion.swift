/// One of the 14 BPS household poverty criteria (14 kriteria rumah tangga miskin, PSE05 / PPLS 2008).
/// Raw values are the stable identifiers of `Resources/poverty-criteria.md`: use them, not the number.
public enum PovertyCriterion: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    case floorAreaUnder8m2PerPerson = "floor_area_under_8m2_per_person"
    case floorEarthBambooOrCheapWood = "floor_earth_bamboo_or_cheap_wood"
    case wallBambooThatchCheapWoodOrUnplastered = "wall_bamboo_thatch_cheap_wood_or_unplastered"
    case noPrivateToilet = "no_private_toilet"
    case noElectricLighting = "no_electric_lighting"
    case unsafeDrinkingWaterSource = "unsafe_drinking_water_source"
    case cooksWithFirewoodCharcoalOrKerosene = "cooks_with_firewood_charcoal_or_kerosene"
    case meatMilkChickenOnceAWeekOrLess = "meat_milk_chicken_once_a_week_or_less"
    case oneNewClothingSetAYearOrLess = "one_new_clothing_set_a_year_or_less"
    case oneOrTwoMealsADay = "one_or_two_meals_a_day"
    case cannotAffordClinicTreatment = "cannot_afford_clinic_treatment"
    case headLowIncomeLivelihood = "head_low_income_livelihood"
    case headEducationPrimaryOrLess = "head_education_primary_or_less"
    case noSavingsOrAssets500k = "no_savings_or_assets_500k"

    /// The position, 1–14, in the order most sources use.
    public var number: Int {
        // A switch, not `allCases.firstIndex`: criteria are compared, hashed and checked for every row
        // imported and every event read.
        switch self {
        case .floorAreaUnder8m2PerPerson: 1
        case .floorEarthBambooOrCheapWood: 2
        case .wallBambooThatchCheapWoodOrUnplastered: 3
        case .noPrivateToilet: 4
        case .noElectricLighting: 5
        case .unsafeDrinkingWaterSource: 6
        case .cooksWithFirewoodCharcoalOrKerosene: 7
        case .meatMilkChickenOnceAWeekOrLess: 8
        case .oneNewClothingSetAYearOrLess: 9
        case .oneOrTwoMealsADay: 10
        case .cannotAffordClinicTreatment: 11
        case .headLowIncomeLivelihood: 12
        case .headEducationPrimaryOrLess: 13
        case .noSavingsOrAssets500k: 14
        }
    }

    /// Hashed by ``number`` (the same equality as the raw value's, without hashing its text).
    public func hash(into hasher: inout Hasher) { hasher.combine(number) }

    /// The criterion with this position (1–14), or nil.
    public init?(number: Int) {
        guard (1...14).contains(number) else { return nil }
        self = Self.allCases[number - 1]
    }

    /// The short Indonesian wording.
    public var indonesianLabel: String {
        switch self {
        case .floorAreaUnder8m2PerPerson: "Luas lantai bangunan tempat tinggal < 8 m² per orang"
        case .floorEarthBambooOrCheapWood: "Lantai dari tanah / bambu / kayu murahan"
        case .wallBambooThatchCheapWoodOrUnplastered:
            "Dinding dari bambu / rumbia / kayu kualitas rendah / tembok tanpa plester"
        case .noPrivateToilet: "Tidak punya fasilitas buang air besar / memakai bersama rumah tangga lain"
        case .noElectricLighting: "Sumber penerangan bukan listrik"
        case .unsafeDrinkingWaterSource: "Air minum dari sumur / mata air tak terlindung / sungai / air hujan"
        case .cooksWithFirewoodCharcoalOrKerosene: "Bahan bakar memasak kayu bakar / arang / minyak tanah"
        case .meatMilkChickenOnceAWeekOrLess: "Konsumsi daging / susu / ayam hanya sekali seminggu"
        case .oneNewClothingSetAYearOrLess: "Hanya membeli satu stel pakaian baru setahun"
        case .oneOrTwoMealsADay: "Hanya sanggup makan satu / dua kali sehari"
        case .cannotAffordClinicTreatment: "Tidak sanggup membayar berobat ke puskesmas / poliklinik"
        case .headLowIncomeLivelihood:
            "Sumber penghasilan kepala rumah tangga: petani lahan sempit, buruh tani, nelayan, buruh bangunan, "
                + "buruh perkebunan, atau pekerjaan lain berpendapatan rendah"
        case .headEducationPrimaryOrLess:
            "Pendidikan tertinggi kepala rumah tangga: tidak sekolah / tidak tamat SD / tamat SD"
        case .noSavingsOrAssets500k: "Tidak punya tabungan / barang mudah dijual senilai min. Rp500.000"
        }
    }

    /// The short English meaning.
    public var englishLabel: String {
        switch self {
        case .floorAreaUnder8m2PerPerson: "Floor area under 8 m² per person"
        case .floorEarthBambooOrCheapWood: "Floor of bare earth, bamboo or cheap wood"
        case .wallBambooThatchCheapWoodOrUnplastered: "Walls of bamboo, thatch, cheap wood or unplastered brick"
        case .noPrivateToilet: "No toilet of its own"
        case .noElectricLighting: "No electric lighting"
        case .unsafeDrinkingWaterSource: "Drinking water from an unprotected well or spring, a river or rain"
        case .cooksWithFirewoodCharcoalOrKerosene: "Cooks with firewood, charcoal or kerosene"
        case .meatMilkChickenOnceAWeekOrLess: "Meat, milk or chicken once a week or less"
        case .oneNewClothingSetAYearOrLess: "One new set of clothes a year or less"
        case .oneOrTwoMealsADay: "Only one or two meals a day"
        case .cannotAffordClinicTreatment: "Cannot afford treatment at a puskesmas or clinic"
        case .headLowIncomeLivelihood: "Head of household earns a low income (smallholder, labourer, fisher…)"
        case .headEducationPrimaryOrLess: "Head of household finished primary school at most"
        case .noSavingsOrAssets500k: "No savings or saleable assets worth Rp500,000"
        }
    }

    /// The identifier.
    public var description: String { rawValue }

    /// Orders by ``number``.
    public static func < (lhs: PovertyCriterion, rhs: PovertyCriterion) -> Bool { lhs.number < rhs.number }

    public init(from decoder: any Decoder) throws {
        self = try DecodingHelp.decodeEnum(from: decoder)
    }
}
