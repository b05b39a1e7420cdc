/// The programmes of Program Murah (other stakeholders: PLN, PDAM, housing).
public enum LowCostProgrammes {
    public static let all: [Programme] = [electricity, cleanWater, housing]

    /// Listrik murah: a subsidised electricity connection, for homes not lit by electricity.
    public static let electricity = Programme(
        code: "electricity", name: "Subsidised electricity connection", indonesianName: "Listrik Murah / Sambungan Listrik",
        cluster: .lowCost, strategy: .basicServices, deliveryUnit: "connection",
        eligibility: .status([.sangatMiskin, .miskin, .hampirMiskin]).and(.anyCriterion([.noElectricLighting], Message("domain.criterion.noElectricity"))))

    /// Air bersih: a clean-water connection, for households drinking unsafe water.
    public static let cleanWater = Programme(
        code: "clean-water", name: "Clean-water connection", indonesianName: "Sambungan Air Bersih",
        cluster: .lowCost, strategy: .basicServices, deliveryUnit: "connection",
        eligibility: .status([.sangatMiskin, .miskin, .hampirMiskin]).and(.anyCriterion([.unsafeDrinkingWaterSource], Message("domain.criterion.unsafeWater"))))

    /// RTLH: Rumah Tidak Layak Huni, renovation of an unfit house (earth floor, bamboo or
    /// unplastered walls, or too little floor space).
    public static let housing = Programme(
        code: "rtlh", name: "Renovation of an unfit house", indonesianName: "Rehab RTLH (Rumah Tidak Layak Huni)",
        cluster: .lowCost, strategy: .basicServices, deliveryUnit: "house",
        eligibility: .status([.sangatMiskin, .miskin]).and(
            .anyCriterion(
                [.floorEarthBambooOrCheapWood, .wallBambooThatchCheapWoodOrUnplastered, .floorAreaUnder8m2PerPerson],
                Message("domain.criterion.unfitHouse"))))
}
