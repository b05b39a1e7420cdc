import EntasDemo
import EntasDomain
import Testing

@Suite struct HouseholdGenerationTests {
    @Test("Sumberjambe has exactly PPLS 2008's 1,485 SM, 5,574 M and 5,768 HM households")
    func sumberjambeCounts() {
        let households = DemoFixture.sumberjambe
        #expect(households.count == 12_827)
        #expect(households.filter { $0.baselineStatus == .sangatMiskin }.count == 1_485)
        #expect(households.filter { $0.baselineStatus == .miskin }.count == 5_574)
        #expect(households.filter { $0.baselineStatus == .hampirMiskin }.count == 5_768)
        #expect(households.allSatisfy { $0.kkNumber.hasPrefix("350931") && $0.headNIK.hasPrefix("350931") })
    }

    @Test("every desa of Sumberjambe has households, unevenly spread")
    func everyDesaUsed() throws {
        let desa = RegionReference.eastJava.children(of: try RegionCode("35.09.31"))
        #expect(desa.count >= 9)
        var perDesa: [RegionCode: Int] = [:]
        for household in DemoFixture.sumberjambe { perDesa[household.desaCode, default: 0] += 1 }
        #expect(Set(perDesa.keys) == Set(desa.map(\.code)))
        let sizes = perDesa.values
        #expect((sizes.min() ?? 0) > 100)
        #expect((sizes.max() ?? 0) > (sizes.min() ?? 0) * 3 / 2)
    }

    @Test("the extra households lie in two kecamatan of each of three other kabupaten/kota")
    func extras() {
        let others = DemoFixture.households.filter { $0.kecamatanCode != DemoKecamatan.sumberjambe.code }
        #expect(others.count == 2_480)
        #expect(DemoKecamatan.extraHouseholdsAtScaleOne == 2_480)
        let kecamatan = Set(others.map(\.kecamatanCode))
        let kabupaten = Set(kecamatan.compactMap(\.parent))
        #expect(kecamatan.count == 6 && kabupaten.count == 3)
        #expect(!kabupaten.contains(DemoKecamatan.sumberjambe.code.parent ?? .eastJava))
        for code in kecamatan {
            let statuses = Set(others.filter { $0.kecamatanCode == code }.map(\.baselineStatus))
            #expect(statuses == [.sangatMiskin, .miskin, .hampirMiskin])
        }
    }

    @Test("every KK number is unique and valid, with a plausible issue date")
    func kkNumbers() throws {
        var seen = Set<String>()
        for household in DemoFixture.households {
            #expect(seen.insert(household.kkNumber).inserted)
            let kk = try KKNumber(household.kkNumber)
            #expect(kk.kecamatanCode == household.kecamatanCode)
            let digits = household.kkNumber.compactMap(\.wholeNumberValue)
            let day = digits[6] * 10 + digits[7]
            let month = digits[8] * 10 + digits[9]
            let year = 2000 + digits[10] * 10 + digits[11]
            #expect((try? CalendarDate(year: year, month: month, day: day)) != nil)
            #expect(year <= 2024)
            #expect(!household.kkNumber.hasSuffix("0000"))
            let nik = try NIK(household.headNIK)
            #expect(year - (1900 + nik.birthYearTwoDigits) >= 18, "the card is issued to an adult head")
        }
        #expect(seen.count == 15_307)
    }

    @Test("every head NIK is valid, in the household's kecamatan, with the head's sex and a unique number")
    func niks() throws {
        var seen = Set<String>()
        for household in DemoFixture.households {
            let nik = try NIK(household.headNIK)
            #expect(nik.kecamatanCode == household.kecamatanCode)
            #expect(nik.sex == household.headSex)
            #expect(seen.insert(household.headNIK).inserted)
        }
        let women = DemoFixture.households.filter { $0.headSex == .female }.count
        #expect(women > 1_500 && women < 3_000)
    }

    @Test("every household lists its members as the event contract takes them: the head first, NIKs unique over the demo and heads, a realistic share counting for PKH")
    func members() throws {
        var seen = Set(DemoFixture.households.map(\.headNIK))
        var pkh = 0, pupils = 0, people = 0
        let day = try CalendarDate("2025-07-01")
        for household in DemoFixture.households {
            #expect(household.members.count == household.memberCount)
            #expect(household.members.first?.relationship == .head && household.members.first?.nik.rawValue == household.headNIK)
            let event = HouseholdRegistered(
                kkNumber: try KKNumber(household.kkNumber), headNIK: try NIK(household.headNIK), headName: household.headName,
                address: household.address, desaCode: household.desaCode, memberCount: household.memberCount,
                criteriaMet: household.criteriaMet, registeredBy: .socialAid, members: household.members)
            #expect(throws: Never.self) { try event.validate(in: .eastJava) }
            for member in household.members.dropFirst() { #expect(seen.insert(member.nik.rawValue).inserted, "\(member)") }
            if !PKHComponent.components(of: household.members, on: day).isEmpty { pkh += 1 }
            if household.pupil(on: day) != nil { pupils += 1 }
            people += household.members.count
        }
        let share = Double(pkh) / Double(DemoFixture.households.count)
        #expect(share > 0.5 && share < 0.95, "households with a PKH component: \(share)")
        #expect(pupils > DemoFixture.households.count / 5, "households with a pupil: \(pupils)")
        #expect(people == DemoFixture.households.map(\.memberCount).reduce(0, +))
    }

    @Test("criteria fit the baseline band, members are 1–8, desa codes exist")
    func fields() {
        let reference = RegionReference.eastJava
        var members = Array(repeating: 0, count: 9)
        for household in DemoFixture.households {
            let band = PovertyClassification.criteriaCounts(for: household.baselineStatus)
            #expect(band?.contains(household.criteriaMet.count) == true)
            #expect(Set(household.criteriaMet).count == household.criteriaMet.count)
            #expect(household.criteriaMet == household.criteriaMet.sorted())
            #expect((1...8).contains(household.memberCount))
            members[household.memberCount] += 1
            #expect(reference.region(household.desaCode)?.level == .desa)
            #expect(!household.headName.isEmpty && !household.address.isEmpty)
        }
        #expect(members[1...8].allSatisfy { $0 > 0 })
        #expect(members[4] > members[1] && members[4] > members[8])
    }

    @Test("scale changes only the extra households; Sumberjambe stays the same")
    func scale() {
        let plan = DemoFixture.plan
        #expect(plan.households(seed: 42, scale: 0).count == 12_827)
        #expect(plan.households(seed: 42, scale: 2).count == 12_827 + 4_960)
        #expect(plan.households(seed: 42, extraHouseholds: 100).count == 12_927)
        #expect(DemoPlan.extraHouseholds(forScale: .nan) == 0)
        #expect(DemoPlan.extraHouseholds(forScale: -3) == 0)
        #expect(DemoPlan.extraHouseholds(forScale: .infinity) == DemoKecamatan.maximumExtraHouseholds)
        let scaled = Array(plan.households(seed: 42, scale: 3).prefix(12_827))
        #expect(scaled == DemoFixture.sumberjambe)
    }
}
