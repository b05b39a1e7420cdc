import EntasDomain
import EntasService

extension ProblemDocument {
    /// 409: one person belongs to one KK at a time in a service; `nik` (at `field`) is already in `other`.
    static func personInAnotherHousehold(_ nik: NIK, of other: KKNumber, not kk: KKNumber, field: String) -> ProblemDocument {
        ProblemDocument(
            status: .conflict, code: "person-in-another-household", title: "This person is in another household",
            detail: "NIK \(nik.masked) is already in the household with KK \(other.masked) here (as its head or a member), so it "
                + "cannot be in KK \(kk.masked) too: one person belongs to one KK at a time. \(howToMove(other))",
            field: field)
    }

    /// The same, for a CSV row.
    static func personInAnotherHouseholdReason(of other: KKNumber) -> String {
        "this NIK is already in the household with KK \(other.masked) here (as its head or a member); one person belongs to "
            + "one KK at a time. \(howToMove(other))"
    }

    /// How to move a person between KKs (pecah KK, a move, a marriage).
    private static func howToMove(_ other: KKNumber) -> String {
        "If the person moved, married or the family split (pecah KK), first take them off KK \(other.masked) "
            + "(DELETE /v1/households/{kk}/members/{nik}?reason=movedOut, or give that household a new head with "
            + "PATCH /v1/households/{kk}), then add them here."
    }
}
