import EntasDomain

/// One row of a members file (`POST /v1/households/members/import`, docs/import.md): a member of the
/// household named by `kkNumber`. Identifiers or the KK's own words are taken for the relationship and sex.
enum MemberCSVRow {
    static let columns = [
        "kkNumber", "nik", "name", "relationship", "sex", "birthDate", "schoolLevel", "inSchool", "pregnantOrNursing", "severeDisability",
    ]
    static let required = ["kkNumber", "nik", "name", "relationship", "sex", "birthDate"]

    /// The row's household and member; a rejection naming the field otherwise.
    static func parse(_ value: (String) throws -> String) throws -> (KKNumber, HouseholdMember) {
        let kk: KKNumber
        do { kk = try KKNumber(try value("kkNumber")) } catch let error as IdentityNumberError { throw ImportController.FieldRejection(field: "kkNumber", reason: error.message) }
        let nik: NIK
        do { nik = try NIK(try value("nik")) } catch let error as IdentityNumberError { throw ImportController.FieldRejection(field: "nik", reason: error.message) }
        let relationshipText = try value("relationship")
        guard let relationship = relationship(relationshipText) else {
            throw ImportController.FieldRejection(
                field: "relationship",
                reason: Message(
                    "cluster.members.notRelationship", .text(String(relationshipText.prefix(40))),
                    .text(FamilyRelationship.allCases.map(\.rawValue).joined(separator: ", "))))
        }
        let sexText = try value("sex")
        guard let sex = sex(sexText) else {
            throw ImportController.FieldRejection(field: "sex", reason: Message("cluster.members.notSex", .text(String(sexText.prefix(20)))))
        }
        let birthDate: CalendarDate
        do { birthDate = try CalendarDate(try value("birthDate")) } catch let error as CalendarDateError {
            throw ImportController.FieldRejection(field: "birthDate", reason: error.message)
        }
        var member = HouseholdMember(nik: nik, name: try value("name"), relationship: relationship, sex: sex, birthDate: birthDate)
        let levelText = try value("schoolLevel")
        if !levelText.isEmpty {
            guard let level = SchoolLevel(rawValue: levelText.lowercased()) else {
                throw ImportController.FieldRejection(field: "schoolLevel", reason: Message("cluster.members.notSchoolLevel", .text(String(levelText.prefix(20)))))
            }
            member.schoolLevel = level
        }
        member.inSchool = try flag("inSchool", value)
        member.pregnantOrNursing = try flag("pregnantOrNursing", value)
        member.severeDisability = try flag("severeDisability", value)
        do { try member.validate() } catch { throw ImportController.FieldRejection(field: error.path, reason: error.message) }
        if member.birthDate > .today() {
            throw ImportController.FieldRejection(field: "birthDate", reason: Message("cluster.members.bornAfterToday"))
        }
        return (kk, member)
    }

    private static func relationship(_ text: String) -> FamilyRelationship? {
        if let relationship = FamilyRelationship(rawValue: text) { return relationship }
        let words = text.lowercased()
        if words == "istri" || words == "suami" { return .spouse }
        return FamilyRelationship.allCases.first { $0.indonesianName.lowercased() == words }
    }

    private static func sex(_ text: String) -> Sex? {
        switch text.lowercased() {
        case "male", "l", "laki-laki": .male
        case "female", "p", "perempuan": .female
        default: nil
        }
    }

    /// An optional yes/no column: empty, `false`, `0`, `tidak` or `n` is no; `true`, `1`, `ya` or `y` is yes.
    private static func flag(_ name: String, _ value: (String) throws -> String) throws -> Bool {
        switch try value(name).lowercased() {
        case "", "false", "0", "tidak", "n": return false
        case "true", "1", "ya", "y": return true
        case let other: throw ImportController.FieldRejection(field: name, reason: Message("cluster.members.notYesNo", .text(String(other.prefix(20)))))
        }
    }
}
