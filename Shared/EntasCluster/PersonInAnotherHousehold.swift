import EntasDomain
import EntasService

extension ProblemDocument {
    /// 409: one person belongs to one KK at a time in a service; `nik` already heads `other`.
    static func personInAnotherHousehold(_ nik: NIK, of other: KKNumber, not kk: KKNumber) -> ProblemDocument {
        ProblemDocument(
            status: .conflict, code: "person-in-another-household", title: "This person is in another household",
            detail: "NIK \(nik.masked) is already the head of the household with KK \(other.masked) here, so it cannot head KK "
                + "\(kk.masked) too: one person belongs to one KK at a time. If the person moved or the family split (pecah KK), "
                + "first give KK \(other.masked) its new head (PATCH /v1/households/{kk} with headNIK), then register this one.",
            field: "headNIK")
    }

    /// The same, for a CSV row.
    static func personInAnotherHouseholdReason(of other: KKNumber) -> String {
        "this NIK is already the head of the household with KK \(other.masked) here; one person belongs to one KK at a time "
            + "(give that household its new head first if the person moved or the family split)"
    }
}
