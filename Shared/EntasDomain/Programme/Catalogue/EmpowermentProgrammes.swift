/// The programmes of Pemberdayaan Masyarakat (Bapemas).
public enum EmpowermentProgrammes {
    public static let all: [Programme] = [communityGroup, villageProject, participatoryPlanning]

    /// KSM / Pokmas: Kelompok Swadaya Masyarakat, self-help groups of the productive poor.
    public static let communityGroup = Programme(
        code: "ksm", name: "Community self-help group membership", indonesianName: "KSM / Pokmas (Kelompok Swadaya Masyarakat)",
        cluster: .communityEmpowerment, strategy: .communityEmpowerment, deliveryUnit: "rupiah",
        eligibility: .status([.miskin, .hampirMiskin]))

    /// A village project (roads, irrigation, water) with the household as beneficiary.
    public static let villageProject = Programme(
        code: "village-project", name: "Village project beneficiary", indonesianName: "Proyek Desa (PNPM / Dana Desa)",
        cluster: .communityEmpowerment, strategy: .communityEmpowerment, deliveryUnit: "rupiah",
        eligibility: .status([.sangatMiskin, .miskin, .hampirMiskin]))

    /// Musrenbang: participatory development planning in the desa.
    public static let participatoryPlanning = Programme(
        code: "musrenbang", name: "Participatory planning", indonesianName: "Musrenbang Desa",
        cluster: .communityEmpowerment, strategy: .inclusiveDevelopment, deliveryUnit: "session",
        eligibility: .status([.sangatMiskin, .miskin, .hampirMiskin]))
}
