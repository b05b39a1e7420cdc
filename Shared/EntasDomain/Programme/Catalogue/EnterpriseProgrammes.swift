/// The programmes of Pemberdayaan UMKM (Dinas Koperasi dan UMK).
public enum EnterpriseProgrammes {
    public static let all: [Programme] = [kur, training, cooperative]

    /// KUR: Kredit Usaha Rakyat, microcredit for the productive poor and near poor (very
    /// poor households are served by social aid first).
    public static let kur = Programme(
        code: "kur", name: "People's business credit (microcredit)", indonesianName: "KUR (Kredit Usaha Rakyat)",
        cluster: .enterprise, strategy: .inclusiveDevelopment, deliveryUnit: "rupiah",
        eligibility: .status([.miskin, .hampirMiskin]))

    /// Pelatihan: business and skills training.
    public static let training = Programme(
        code: "training", name: "Business and skills training", indonesianName: "Pelatihan Kewirausahaan",
        cluster: .enterprise, strategy: .communityEmpowerment, deliveryUnit: "session",
        eligibility: .status([.sangatMiskin, .miskin, .hampirMiskin]))

    /// Koperasi: cooperative membership.
    public static let cooperative = Programme(
        code: "cooperative", name: "Cooperative membership", indonesianName: "Keanggotaan Koperasi",
        cluster: .enterprise, strategy: .inclusiveDevelopment, deliveryUnit: "rupiah",
        eligibility: .status([.miskin, .hampirMiskin]))
}
