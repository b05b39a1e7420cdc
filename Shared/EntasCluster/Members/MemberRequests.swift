import EntasDomain

/// `PATCH /v1/households/{kk}/members/{nik}`: the member's fields to change; absent fields stay. The NIK
/// itself is not changed here (a corrected NIK is a departure with reason `other` and a new member).
public struct MemberChanges: Codable, Sendable {
    public var name: String?
    public var relationship: FamilyRelationship?
    public var sex: Sex?
    public var birthDate: CalendarDate?
    public var schoolLevel: SchoolLevel?
    public var inSchool: Bool?
    public var pregnantOrNursing: Bool?
    public var severeDisability: Bool?

    func apply(to member: inout HouseholdMember) {
        if let name { member.name = name }
        if let relationship { member.relationship = relationship }
        if let sex { member.sex = sex }
        if let birthDate { member.birthDate = birthDate }
        if let schoolLevel { member.schoolLevel = schoolLevel }
        if let inSchool { member.inSchool = inSchool }
        if let pregnantOrNursing { member.pregnantOrNursing = pregnantOrNursing }
        if let severeDisability { member.severeDisability = severeDisability }
    }
}

/// `POST /v1/households/{kk}/members/{nik}/departure`: why a member leaves the KK.
public struct DepartureRequest: Codable, Sendable {
    public var reason: DepartureReason
}
