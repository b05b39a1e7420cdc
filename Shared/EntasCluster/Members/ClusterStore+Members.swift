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
                throw ProblemDocument.conflict(Message("cluster.members.alreadyMember", .text(member.nik.masked)), code: "already-a-member")
            }
            if recorded.isEmpty, member.relationship != .head || member.nik != merged.headNIK {
                throw ProblemDocument.invalidField("relationship", Message("cluster.members.headFirst"))
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
                throw ProblemDocument.conflict(Message("cluster.members.headCannotLeave", .text(nik.masked)), code: "head-cannot-leave")
            }
            let list = recorded.filter { $0.nik != nik }
            merged.members = list
            merged.memberCount = list.count
            return [MemberDeparture(nik: nik, reason: reason)]
        }
    }

    static func notAMember(_ nik: NIK) -> ProblemDocument {
        ProblemDocument.notFound(Message("cluster.members.notAMember", .text(nik.masked)))
    }
}
