import EntasDomain

/// Makes a demo household's members as its KK would list them in 2025, from a random stream of its own
/// (so the households themselves stay as they were):
/// - the head; a man's wife (born up to eight years after him) when there are two or more members; a woman
///   heads without a spouse;
/// - the others are children aged 0 to the head's age less 19 (at most 30); a head of 62 or more lists each
///   as a grandchild (0–17) with probability 40%; a head under 50 of a household of five or more lists one
///   of his or her parents (orang tua) with probability 30%;
/// - school: 7–12 at SD (95% attending), 13–15 at SMP (88%), 16–18 at SMA (70%), 19–21 left SMA;
/// - a wife or woman head aged 18–42 is pregnant or nursing with probability 10%; anyone has a severe
///   disability with probability 1.5%.
enum DemoMembers {
    /// 2025-07-01: the day ages are drawn for (the cycle's year).
    static let referenceDay = 20_270

    static func make(
        ordinal: Int, seed: UInt64, count: Int, head: (nik: String, name: String, sex: Sex, birth: CalendarDate),
        numbers: inout DemoIdentityNumbers
    ) -> [HouseholdMember] {
        var generator = DemoMix.generator(seed, .members, UInt64(ordinal))
        let headAge = age(head.birth)
        var members: [HouseholdMember] = []
        func add(_ nik: String, _ name: String, _ relationship: FamilyRelationship, _ sex: Sex, _ birth: CalendarDate) {
            guard let nik = try? NIK(nik) else { return }
            var member = HouseholdMember(nik: nik, name: name, relationship: relationship, sex: sex, birthDate: birth)
            let years = age(birth)
            switch years {
            case 7...12: (member.schoolLevel, member.inSchool) = (.sd, generator.chance(0.95))
            case 13...15: (member.schoolLevel, member.inSchool) = (.smp, generator.chance(0.88))
            case 16...18: (member.schoolLevel, member.inSchool) = (.sma, generator.chance(0.70))
            case 19...21: member.schoolLevel = .sma
            default: break
            }
            if sex == .female, (18...42).contains(years), relationship == .spouse || relationship == .head {
                member.pregnantOrNursing = generator.chance(0.10)
            }
            member.severeDisability = generator.chance(0.015)
            members.append(member)
        }
        add(head.nik, head.name, .head, head.sex, head.birth)
        if count >= 2, head.sex == .male {
            let birth = born(daysAfter: head.birth, years: generator.next(in: 0...8), &generator)
            add(numbers.memberNIK(sex: .female, born: birth), DemoNames.name(.female, using: &generator), .spouse, .female, birth)
        }
        var parentListed = false
        while members.count < count {
            let sex: Sex = generator.chance(0.5) ? .male : .female
            let relationship: FamilyRelationship
            let years: Int
            if !parentListed, headAge < 50, count >= 5, generator.chance(0.30) {
                parentListed = true
                (relationship, years) = (.parent, headAge + generator.next(in: 20...30))
            } else if headAge >= 62, generator.chance(0.40) {
                (relationship, years) = (.grandchild, generator.next(in: 0...17))
            } else {
                (relationship, years) = (.child, generator.next(in: 0...max(0, min(headAge - 19, 30))))
            }
            let birth = CalendarDate(daysSinceEpoch: referenceDay - years * 365 - generator.next(below: 365))
            add(numbers.memberNIK(sex: sex, born: birth), DemoNames.name(sex, using: &generator), relationship, sex, birth)
        }
        return members
    }

    /// Whole years on the reference day.
    static func age(_ birth: CalendarDate) -> Int {
        HouseholdMember.age(born: birth, on: CalendarDate(daysSinceEpoch: referenceDay))
    }

    /// A day `years` (and a few weeks) after `date`.
    private static func born(daysAfter date: CalendarDate, years: Int, _ generator: inout SplitMix64) -> CalendarDate {
        CalendarDate(daysSinceEpoch: min(date.daysSinceEpoch + years * 365 + generator.next(below: 300), referenceDay - 18 * 365))
    }
}
