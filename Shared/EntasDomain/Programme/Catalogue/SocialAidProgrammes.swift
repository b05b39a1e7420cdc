/// The programmes of Bantuan Sosial (Dinas Sosial).
public enum SocialAidProgrammes {
    public static let all: [Programme] = [pkh, rastra, jamkesda, pip, shockRelief]

    /// PKH: Program Keluarga Harapan, conditional cash transfers for very poor and poor
    /// families with children, pregnant women, elderly or disabled members (a family of at
    /// least two: the carer and the one cared for).
    public static let pkh = Programme(
        code: "pkh", name: "Family Hope Programme (conditional cash transfer)", indonesianName: "PKH (Program Keluarga Harapan)",
        cluster: .socialAid, strategy: .socialProtection, deliveryUnit: "rupiah",
        eligibility: .status([.sangatMiskin, .miskin]).and(.members(atLeast: 2)).and(.pkhComponent))

    /// Rastra: Beras Sejahtera, subsidised rice.
    public static let rastra = Programme(
        code: "rastra", name: "Subsidised rice", indonesianName: "Rastra (Beras Sejahtera)",
        cluster: .socialAid, strategy: .socialProtection, deliveryUnit: "kg",
        eligibility: .status([.sangatMiskin, .miskin, .hampirMiskin]))

    /// Jamkesda / KIS: regional health insurance and the national health card.
    public static let jamkesda = Programme(
        code: "jamkesda", name: "Health cover", indonesianName: "Jamkesda / KIS (Kartu Indonesia Sehat)",
        cluster: .socialAid, strategy: .basicServices, deliveryUnit: "rupiah",
        eligibility: .status([.sangatMiskin, .miskin, .hampirMiskin]))

    /// PIP / BSM: Program Indonesia Pintar (formerly Bantuan Siswa Miskin), school aid for one pupil, enrolled
    /// by the pupil's NIK.
    public static let pip = Programme(
        code: "pip", name: "School aid", indonesianName: "PIP / BSM (Program Indonesia Pintar)",
        cluster: .socialAid, strategy: .basicServices, deliveryUnit: "rupiah",
        eligibility: .status([.sangatMiskin, .miskin]).and(.members(atLeast: 2)).and(.pupil), enrolsMember: true)

    /// Help after a shock: illness, the breadwinner's death, job loss, disaster.
    public static let shockRelief = Programme(
        code: "shock-relief", name: "Relief after a shock (illness, death, job loss, disaster)", indonesianName: "Bantuan Sosial Korban Guncangan",
        cluster: .socialAid, strategy: .socialProtection, deliveryUnit: "rupiah",
        eligibility: .status([.sangatMiskin, .miskin, .hampirMiskin]))
}
