import EntasService
import EntasDomain
import EntasStore
import GRDB

/// A household's members (anggota keluarga): each change is the whole new list in `household.updated`.
extension ClusterStore {
    /// Adds a member to household `kk` (a birth, a marriage, a move in); the first member recorded is its head.
    public func addMember(_ member: HouseholdMember, to kk: KKNumber) async throws -> HouseholdView {
        try await database.write { db in
            try addMember(member, to: kk, in: db)
            return try view(of: requireHousehold(kk, in: db), in: db)
        }
    }

    package func addMember(_ member: HouseholdMember, to kk: KKNumber, in db: Database) throws {
        try update(kk, in: db) { merged, recorded in
            if recorded.contains(where: { $0.nik == member.nik }) {
                throw ProblemDocument.conflict(
                    "NIK \(member.nik.masked) is already a member of this household; change it with PATCH /v1/households/{kk}/members/{nik}",
                    code: "already-a-member")
            }
            if recorded.isEmpty, member.relationship != .head || member.nik != merged.headNIK {
                throw ProblemDocument.invalidField(
                    "relationship", "no members of this household are recorded yet: record its head first (relationship head, "
                        + "the household's headNIK), or give the whole list as members with PATCH /v1/households/{kk}")
            }
            merged.members = recorded + [member]
            merged.memberCount = recorded.count + 1
            return []
        }
    }

    /// Changes some fields of member `nik` of household `kk` (school, pregnancy, a corrected name, …).
    public func changeMember(_ nik: NIK, of kk: KKNumber, _ changes: MemberChanges) async throws -> HouseholdView {
        try await database.write { db in
            try changeMember(nik, of: kk, changes, in: db)
            return try view(of: requireHousehold(kk, in: db), in: db)
        }
    }

    package func changeMember(_ nik: NIK, of kk: KKNumber, _ changes: MemberChanges, in db: Database) throws {
        try update(kk, in: db) { merged, recorded in
            guard let index = recorded.firstIndex(where: { $0.nik == nik }) else { throw Self.notAMember(nik) }
            var list = recorded
            changes.apply(to: &list[index])
            merged.members = list
            return []
        }
    }

    /// Takes member `nik` off household `kk`'s list: died, moved out (pecah KK), married, or another reason.
    /// The head cannot leave before the household has a new head.
    public func removeMember(_ nik: NIK, of kk: KKNumber, reason: DepartureReason) async throws -> HouseholdView {
        try await database.write { db in
            try removeMember(nik, of: kk, reason: reason, in: db)
            return try view(of: requireHousehold(kk, in: db), in: db)
        }
    }

    package func removeMember(_ nik: NIK, of kk: KKNumber, reason: DepartureReason, in db: Database) throws {
        try update(kk, in: db) { merged, recorded in
            guard let member = recorded.first(where: { $0.nik == nik }) else { throw Self.notAMember(nik) }
            guard member.relationship != .head else {
                throw ProblemDocument.conflict(
                    "NIK \(nik.masked) is the head of this household; give the household its new head first (PATCH /v1/households/{kk} "
                        + "with headNIK and the members, the new head's relationship head), then take this person off",
                    code: "head-cannot-leave")
            }
            let list = recorded.filter { $0.nik != nik }
            merged.members = list
            merged.memberCount = list.count
            return [MemberDeparture(nik: nik, reason: reason)]
        }
    }

    static func notAMember(_ nik: NIK) -> ProblemDocument {
        ProblemDocument.notFound("NIK \(nik.masked) is not a member of this household here; see its members at GET /v1/households/{kk}.")
    }
}
