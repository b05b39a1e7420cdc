import EntasDomain

/// Makes one household from its own random stream, so its content depends only on the seed and its
/// position, never on how many households were made before (apart from the KK and NIK sequence numbers,
/// which count per day).
///
/// Distribution choices (also in the module's documentation, `EntasDemo.docc`):
/// - head: female with probability 22% (SM), 14% (M), 11% (HM); age in mid-2008 22–80 for men, 30–85 for
///   women (a rounded bell around 51 and 57);
/// - members 1–8: men's households 2/10/20/26/20/12/6/4%, women's 25/25/20/14/8/5/2/1%;
/// - criteria: ``DemoCriteria``.
enum DemoHouseholdFactory {
    /// Men's household sizes 1–8, relative weights.
    static let menMembers: [Double] = [2, 10, 20, 26, 20, 12, 6, 4]
    /// Women's household sizes 1–8, relative weights.
    static let womenMembers: [Double] = [25, 25, 20, 14, 8, 5, 2, 1]
    /// 2008-07-01, the reference day for ages (PPLS 2008).
    static let censusDay = 14_061

    /// The household at `ordinal` (in the demo) living in `desa` with `status`.
    static func make(
        ordinal: Int, desa: DemoLayout.Desa, status: PovertyStatus, seed: UInt64,
        numbers: inout DemoIdentityNumbers
    ) -> DemoHousehold {
        var generator = DemoMix.generator(seed, .household, UInt64(ordinal))
        let femaleShare: Double =
            switch status {
            case .sangatMiskin: 0.22
            case .miskin: 0.14
            default: 0.11
            }
        let sex: Sex = generator.chance(femaleShare) ? .female : .male
        let spread = (generator.unit() + generator.unit() + generator.unit()) / 3
        let age = sex == .female ? 30 + Int(spread * 55) : 22 + Int(spread * 58)
        let birth = CalendarDate(daysSinceEpoch: censusDay - age * 365 - generator.next(below: 365))
        let members = 1 + generator.index(weights: sex == .female ? womenMembers : menMembers)
        let weights = DemoCriteria.weights(memberCount: members, urban: desa.isUrban)
        let criteria = DemoCriteria.draw(DemoCriteria.count(for: status, using: &generator), weights: weights, using: &generator)
        let name = DemoNames.name(sex, using: &generator)
        let address = DemoAddress.address(in: desa, using: &generator)
        let adult = CalendarDate(daysSinceEpoch: birth.daysSinceEpoch + 18 * 365 + 5)
        let kk = numbers.kkNumber(notBefore: adult, using: &generator)
        let nik = numbers.nik(sex: sex, born: birth)
        let family = DemoMembers.make(
            ordinal: ordinal, seed: seed, count: members, head: (nik, name, sex, birth), numbers: &numbers)
        return DemoHousehold(
            ordinal: ordinal, kkNumber: kk, headNIK: nik, headName: name, headSex: sex, address: address,
            desaCode: desa.region.code, memberCount: members, criteriaMet: criteria, baselineStatus: status,
            members: family)
    }
}
