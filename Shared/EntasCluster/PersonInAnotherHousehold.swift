import EntasDomain
import EntasService

extension ProblemDocument {
    /// 409: one person belongs to one KK at a time in a service; `nik` (at `field`) is already in `other`.
    static func personInAnotherHousehold(_ nik: NIK, of other: KKNumber, not kk: KKNumber, field: String) -> ProblemDocument {
        ProblemDocument(
            status: .conflict, code: "person-in-another-household", title: Message("cluster.personInAnotherHousehold.title"),
            detail: Message(
                "cluster.personInAnotherHousehold.detail", .text(nik.masked), .text(other.masked), .text(kk.masked),
                .message(howToMove(other))),
            field: field)
    }

    /// The same, for a CSV row.
    static func personInAnotherHouseholdReason(of other: KKNumber) -> Message {
        Message("cluster.personInAnotherHousehold.row", .text(other.masked), .message(howToMove(other)))
    }

    /// How to move a person between KKs (pecah KK, a move, a marriage).
    private static func howToMove(_ other: KKNumber) -> Message {
        Message("cluster.personInAnotherHousehold.howToMove", .text(other.masked))
    }
}
