import EntasDomain
import Foundation
import Testing

/// Sample values for Sumberjambe (kecamatan 35.09.31, Kabupaten Jember), valid under the bundled reference.
enum Fixtures {
    static let kkText = "3509311203080001"
    static let nikText = "3509315507850003"

    static var kk: KKNumber { get throws { try KKNumber(kkText) } }
    static var nik: NIK { get throws { try NIK(nikText) } }
    static var desa: RegionCode { get throws { try RegionCode("35.09.31.2006") } }
    static var day: CalendarDate { get throws { try CalendarDate("2027-03-15") } }
    static var quarter: Period { get throws { try Period("2027-Q1") } }

    static let enrolmentID = UUID(uuidString: "6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f") ?? UUID()
    static let deliveryID = UUID(uuidString: "0b7e2d7c-94a1-4f0e-8c1d-5e6f7a8b9c0d") ?? UUID()
    static let referralID = UUID(uuidString: "3c9d1e2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f") ?? UUID()
    static let commitmentID = UUID(uuidString: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d") ?? UUID()

    static func registered() throws -> HouseholdRegistered {
        HouseholdRegistered(
            kkNumber: try kk, headNIK: try nik, headName: "Siti Aminah", address: "Dusun Krajan RT 002 RW 001",
            desaCode: try desa, memberCount: 4,
            criteriaMet: [
                .floorEarthBambooOrCheapWood, .noPrivateToilet, .cooksWithFirewoodCharcoalOrKerosene,
                .meatMilkChickenOnceAWeekOrLess, .oneNewClothingSetAYearOrLess, .oneOrTwoMealsADay,
                .cannotAffordClinicTreatment, .headLowIncomeLivelihood, .headEducationPrimaryOrLess,
                .noSavingsOrAssets500k,
            ],
            baselineStatus: .miskin, registeredBy: .socialAid)
    }

    static func updated() throws -> HouseholdUpdated {
        HouseholdUpdated(kkNumber: try kk, address: "Dusun Krajan RT 003 RW 001", memberCount: 5, updatedBy: .socialAid)
    }

    static func assessed() throws -> HouseholdAssessed {
        HouseholdAssessed(
            kkNumber: try kk, desaCode: try desa, cluster: .communityEmpowerment, status: .sangatMiskin,
            criteriaMet: Array(PovertyCriterion.allCases.prefix(12)), assessedOn: try day, assessor: "bapemas-jember-07"
        )
    }

    static func enrolmentStarted() throws -> EnrolmentStarted {
        EnrolmentStarted(
            enrolmentID: enrolmentID, kkNumber: try kk, desaCode: try desa, cluster: .socialAid, programme: "pkh",
            strategy: .socialProtection, startedOn: try day)
    }

    static func enrolmentEnded() throws -> EnrolmentEnded {
        EnrolmentEnded(
            enrolmentID: enrolmentID, kkNumber: try kk, desaCode: try desa, cluster: .socialAid, programme: "pkh",
            endedOn: try CalendarDate("2027-12-31"), reason: "Graduasi mandiri")
    }

    static func delivered() throws -> BenefitDelivered {
        BenefitDelivered(
            deliveryID: deliveryID, enrolmentID: enrolmentID, kkNumber: try kk, desaCode: try desa, cluster: .socialAid,
            programme: "rastra", strategy: .socialProtection, amountRupiah: 110_000, inKindQuantity: 15,
            inKindUnit: "kg", period: try quarter, deliveredOn: try day)
    }

    static func referralMade() throws -> ReferralMade {
        ReferralMade(
            referralID: referralID, kkNumber: try kk, desaCode: try desa, fromCluster: .socialAid,
            toCluster: .enterprise,
            reason: "Siap usaha: warung kelontong", madeOn: try day)
    }

    static func referralAnswered() throws -> ReferralAnswered {
        ReferralAnswered(
            referralID: referralID, kkNumber: try kk, desaCode: try desa, fromCluster: .socialAid,
            toCluster: .enterprise,
            outcome: .declined, note: "Kuota KUR 2027 penuh", answeredOn: try CalendarDate("2027-03-20"))
    }

    static func graduated() throws -> HouseholdGraduated {
        HouseholdGraduated(
            kkNumber: try kk, desaCode: try desa, cluster: .enterprise, reason: "Usaha berjalan dua tahun",
            graduatedOn: try CalendarDate("2029-06-30"))
    }

    static func commitment() throws -> CommitmentMade {
        CommitmentMade(
            commitmentID: commitmentID, cluster: .socialAid, regionCode: try RegionCode("35.09"),
            period: try Period("2027"),
            programme: "pkh", strategy: .socialProtection, households: 12_500, deliveries: 50_000,
            budgetRupiah: 23_750_000_000, graduations: 1_500, madeOn: try CalendarDate("2026-11-02"))
    }

    /// One payload of every type, in the order of `EventPayload.supportedTypes`.
    static func everyPayload() throws -> [EventPayload] {
        [
            .householdRegistered(try registered()), .householdUpdated(try updated()),
            .householdAssessed(try assessed()),
            .enrolmentStarted(try enrolmentStarted()), .enrolmentEnded(try enrolmentEnded()),
            .benefitDelivered(try delivered()), .referralMade(try referralMade()),
            .referralAnswered(try referralAnswered()), .householdGraduated(try graduated()),
            .commitmentMade(try commitment()),
        ]
    }

    /// Valid headers for `ceType`.
    static func headers(ceType: String) -> [String: String] {
        [
            "ce_specversion": "1.0", "ce_id": "6f1c8a4e-3b2d-4c5e-9f70-000000000001", "ce_source": "/entas/social-aid",
            "ce_type": ceType, "ce_time": "2027-03-15T02:30:00.000Z", "content-type": "application/json",
        ]
    }

    /// The JSON object of a payload, for tests that change one field.
    static func jsonObject(_ payload: EventPayload) throws -> [String: Any] {
        let data = try payload.jsonValue()
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A JSON object as bytes.
    static func data(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }
}
