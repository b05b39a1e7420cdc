import EntasDomain

/// The four clusters' programme catalogues as the demo plans against them: a copy of
/// `Services/*/Programmes/*.swift` (codes, delivery units and eligibility rules, built with the domain's
/// ``EligibilityRule``), since EntasDemo links only EntasDomain. When a service's catalogue changes, change
/// this copy too; docs/services.md lists both.
///
/// A rule checks the status the enrolling cluster sees (its own latest assessment, else the baseline), the
/// household's member count and the criteria it registered with, exactly as the services do.
public enum DemoProgrammes {
    private static let poor: Set<PovertyStatus> = [.sangatMiskin, .miskin, .hampirMiskin]
    private static let veryPoorOrPoor: Set<PovertyStatus> = [.sangatMiskin, .miskin]
    private static let poorOrNearPoor: Set<PovertyStatus> = [.miskin, .hampirMiskin]

    /// Every programme, cluster by cluster (social aid, empowerment, UMKM, low cost), each cluster's in
    /// catalogue order.
    public static let all: [Programme] = socialAid + empowerment + enterprise + lowCost

    /// Bantuan Sosial: pkh, rastra, jamkesda, pip, shock-relief.
    public static let socialAid: [Programme] = [
        make("pkh", "PKH (Program Keluarga Harapan)", .socialAid, .socialProtection, "rupiah",
            .status(veryPoorOrPoor).and(.members(atLeast: 2))),
        make("rastra", "Rastra (Beras Sejahtera)", .socialAid, .socialProtection, "kg", .status(poor)),
        make("jamkesda", "Jamkesda / KIS (Kartu Indonesia Sehat)", .socialAid, .basicServices, "rupiah", .status(poor)),
        make("pip", "PIP / BSM (Program Indonesia Pintar)", .socialAid, .basicServices, "rupiah",
            .status(veryPoorOrPoor).and(.members(atLeast: 2))),
        make("shock-relief", "Bantuan Sosial Korban Guncangan", .socialAid, .socialProtection, "rupiah", .status(poor)),
    ]

    /// Pemberdayaan Masyarakat: ksm, village-project, musrenbang.
    public static let empowerment: [Programme] = [
        make("ksm", "KSM / Pokmas (Kelompok Swadaya Masyarakat)", .communityEmpowerment, .communityEmpowerment,
            "rupiah", .status(poorOrNearPoor)),
        make("village-project", "Proyek Desa (PNPM / Dana Desa)", .communityEmpowerment, .communityEmpowerment,
            "rupiah", .status(poor)),
        make("musrenbang", "Musrenbang Desa", .communityEmpowerment, .inclusiveDevelopment, "session", .status(poor)),
    ]

    /// Pemberdayaan UMKM: kur, training, cooperative.
    public static let enterprise: [Programme] = [
        make("kur", "KUR (Kredit Usaha Rakyat)", .enterprise, .inclusiveDevelopment, "rupiah", .status(poorOrNearPoor)),
        make("training", "Pelatihan Kewirausahaan", .enterprise, .communityEmpowerment, "session", .status(poor)),
        make("cooperative", "Keanggotaan Koperasi", .enterprise, .inclusiveDevelopment, "rupiah", .status(poorOrNearPoor)),
    ]

    /// Program Murah: electricity, clean-water, rtlh.
    public static let lowCost: [Programme] = [
        make("electricity", "Listrik Murah / Sambungan Listrik", .lowCost, .basicServices, "connection",
            .status(poor).and(.anyCriterion([.noElectricLighting], "the home is not lit by electricity"))),
        make("clean-water", "Sambungan Air Bersih", .lowCost, .basicServices, "connection",
            .status(poor).and(.anyCriterion([.unsafeDrinkingWaterSource], "drinking water is from an unsafe source"))),
        make("rtlh", "Rehab RTLH (Rumah Tidak Layak Huni)", .lowCost, .basicServices, "house",
            .status(veryPoorOrPoor).and(
                .anyCriterion(
                    [.floorEarthBambooOrCheapWood, .wallBambooThatchCheapWoodOrUnplastered, .floorAreaUnder8m2PerPerson],
                    "the house has an earth or bamboo floor, bamboo or unplastered walls, or under 8 m² per person"))),
    ]

    /// Programmes delivered every quarter (the others are delivered once: a connection, a house, a loan).
    public static let periodic: Set<String> = ["pkh", "rastra", "jamkesda", "pip", "training"]

    /// The programme with this code, or nil.
    public static func programme(_ code: String) -> Programme? { all.first { $0.code == code } }

    /// One cluster's programmes.
    public static func programmes(of cluster: Cluster) -> [Programme] { all.filter { $0.cluster == cluster } }

    /// True when `household`, seen with `status`, may enrol in `programme`.
    public static func isEligible(_ household: DemoHousehold, status: PovertyStatus?, for programme: Programme) -> Bool {
        programme.eligibility.refusal(for: household.facts(status: status)) == nil
    }

    /// True when a household with `facts` may enrol in `programme`.
    public static func isEligible(_ facts: HouseholdFacts, for programme: Programme) -> Bool {
        programme.eligibility.refusal(for: facts) == nil
    }

    private static func make(
        _ code: String, _ indonesianName: String, _ cluster: Cluster, _ strategy: Strategy, _ unit: String,
        _ rule: EligibilityRule
    ) -> Programme {
        Programme(
            code: code, name: indonesianName, indonesianName: indonesianName, cluster: cluster, strategy: strategy,
            deliveryUnit: unit, eligibility: rule)
    }
}
