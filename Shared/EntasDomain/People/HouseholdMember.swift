/// Anggota keluarga: one person on a household's KK, with the facts PKH and PIP decide by.
///
/// The NIK records the sex and the birth date (day, month, the year's last two digits): ``validate(_:in:)``
/// checks that ``sex`` and ``birthDate`` agree with it. The flags default to false when absent from JSON.
/// Printing a member shows only the masked NIK.
public struct HouseholdMember: Sendable, Hashable, Codable, CustomStringConvertible {
    public var nik: NIK
    /// Name as on the KK.
    public var name: String
    public var relationship: FamilyRelationship
    public var sex: Sex
    public var birthDate: CalendarDate
    /// The school level attended (or last attended); nil for none.
    public var schoolLevel: SchoolLevel?
    /// Attending school now (at ``schoolLevel``).
    public var inSchool: Bool
    /// Hamil atau menyusui/nifas (a PKH component).
    public var pregnantOrNursing: Bool
    /// Disabilitas berat (a PKH component).
    public var severeDisability: Bool

    public init(
        nik: NIK, name: String, relationship: FamilyRelationship, sex: Sex, birthDate: CalendarDate,
        schoolLevel: SchoolLevel? = nil, inSchool: Bool = false, pregnantOrNursing: Bool = false,
        severeDisability: Bool = false
    ) {
        self.nik = nik
        self.name = name
        self.relationship = relationship
        self.sex = sex
        self.birthDate = birthDate
        self.schoolLevel = schoolLevel
        self.inSchool = inSchool
        self.pregnantOrNursing = pregnantOrNursing
        self.severeDisability = severeDisability
    }

    enum CodingKeys: String, CodingKey {
        case nik, name, relationship, sex, birthDate, schoolLevel, inSchool, pregnantOrNursing, severeDisability
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nik = try container.decode(NIK.self, forKey: .nik)
        name = try container.decode(String.self, forKey: .name)
        relationship = try container.decode(FamilyRelationship.self, forKey: .relationship)
        sex = try container.decode(Sex.self, forKey: .sex)
        birthDate = try container.decode(CalendarDate.self, forKey: .birthDate)
        schoolLevel = try container.decodeIfPresent(SchoolLevel.self, forKey: .schoolLevel)
        inSchool = try container.decodeIfPresent(Bool.self, forKey: .inSchool) ?? false
        pregnantOrNursing = try container.decodeIfPresent(Bool.self, forKey: .pregnantOrNursing) ?? false
        severeDisability = try container.decodeIfPresent(Bool.self, forKey: .severeDisability) ?? false
    }

    /// Whole years of age on `date` (0 before the first birthday).
    public func age(on date: CalendarDate) -> Int { Self.age(born: birthDate, on: date) }

    /// Whole years from `birth` to `date`.
    public static func age(born birth: CalendarDate, on date: CalendarDate) -> Int {
        let years = date.year - birth.year
        return (date.month, date.day) < (birth.month, birth.day) ? years - 1 : years
    }

    public var description: String { "HouseholdMember(\(nik.masked), \(relationship.rawValue))" }
}

extension HouseholdMember {
    /// Checks this member alone (a row of a members file): the errors name its fields (`sex`, `birthDate`).
    public func validate() throws(EventValidationError) { try validate("", with: PayloadChecks(reference: .eastJava)) }

    /// Checks one member at `path` (`members[2]`): name, the sex and birth date against the NIK, and that the
    /// flags fit (a man is not pregnant; attending school needs a level).
    func validate(_ prefix: String, with check: PayloadChecks) throws(EventValidationError) {
        func path(_ field: String) -> String { prefix.isEmpty ? field : "\(prefix).\(field)" }
        try check.text(name, path("name"), maximum: PayloadChecks.nameLength)
        guard sex == nik.sex else {
            throw EventValidationError(
                path: path("sex"),
                Message("domain.member.sexDiffers", .text(sex.rawValue), .text(nik.sex.rawValue)))
        }
        guard birthDate.day == nik.birthDay, birthDate.month == nik.birthMonth,
            birthDate.year % 100 == nik.birthYearTwoDigits
        else {
            throw EventValidationError(
                path: path("birthDate"),
                Message("domain.member.birthDateDiffers", .text(birthDate.description)))
        }
        if pregnantOrNursing, sex != .female {
            throw EventValidationError(path: path("pregnantOrNursing"), Message("domain.member.pregnantMan"))
        }
        if inSchool, schoolLevel == nil {
            throw EventValidationError(path: path("schoolLevel"), Message("domain.member.schoolLevelRequired"))
        }
    }
}

extension PayloadChecks {
    /// A household's member list: at least one member, each valid, each NIK once, exactly one head, whose NIK
    /// is `headNIK` when that is known (the update may not say), and as many as `memberCount` when given.
    func members(_ members: [HouseholdMember], headNIK: NIK?, memberCount: Int?, _ path: String) throws(EventValidationError) {
        guard !members.isEmpty else {
            throw EventValidationError(path: path, Message("domain.member.listEmpty"))
        }
        var seen: Set<NIK> = []
        for (index, member) in members.enumerated() {
            try member.validate("\(path)[\(index)]", with: self)
            guard seen.insert(member.nik).inserted else {
                throw EventValidationError(path: "\(path)[\(index)].nik", Message("domain.member.listedTwice", .text(member.nik.masked)))
            }
        }
        let heads = members.filter { $0.relationship == .head }
        guard heads.count == 1, let head = heads.first else {
            throw EventValidationError(
                path: path, Message("domain.member.headCount", .count(heads.count)))
        }
        if let headNIK, head.nik != headNIK {
            throw EventValidationError(path: path, Message("domain.member.headNotHeadNIK"))
        }
        if let memberCount, memberCount != members.count {
            throw EventValidationError(
                path: "memberCount", Message("domain.member.countDiffers", .count(memberCount), .count(members.count)))
        }
    }
}
