import EntasDomain
import EntasStore
import Foundation
import GRDB
import Testing
import EntasTestKit

@Suite(.english) struct HouseholdReplicaTests {
    private static let plerean = try! RegionCode("35.09.31.2001")
    private static let sumberpakem = try! RegionCode("35.09.31.2002")
    private static let padomasan = try! RegionCode("35.09.01.2001")
    private static let tulungrejo = try! RegionCode("35.07.01.2001")

    /// A valid registration: KK `350931010203` + two digits of `number`, living in `desa`.
    private static func registration(
        _ number: Int, desa: RegionCode = plerean, by cluster: Cluster = .socialAid,
        criteria: [PovertyCriterion] = [.noPrivateToilet, .floorAreaUnder8m2PerPerson]
    ) throws -> HouseholdRegistered {
        let suffix = number < 10 ? "0\(number)" : "\(number)"
        return HouseholdRegistered(
            kkNumber: try KKNumber("35093101020300\(suffix)"),
            headNIK: try NIK("35093145058000\(suffix)"),
            headName: "Siti Aminah \(number)",
            address: "Dusun Krajan RT 01 RW 02",
            desaCode: desa,
            memberCount: 4,
            criteriaMet: criteria,
            baselineStatus: .miskin,
            registeredBy: cluster)
    }

    @Test("a registration becomes a row with typed fields, the desa's kecamatan and canonical criteria")
    func registrationStored() async throws {
        try await withTemporaryDatabase { pool, _ in
            let registered = try Self.registration(
                1, criteria: [.noPrivateToilet, .floorAreaUnder8m2PerPerson, .noPrivateToilet])
            let eventID = UUID()
            let seen = Date(timeIntervalSince1970: 1_750_000_000)
            let store = HouseholdReplicaStore(pool)

            #expect(try await store.receive(registered: registered, eventID: eventID, at: seen) == .applied)

            let replica = try #require(try await store.fetch(kk: registered.kkNumber))
            #expect(replica.headNIK == registered.headNIK)
            #expect(replica.headName == registered.headName)
            #expect(replica.desaCode == Self.plerean)
            #expect(replica.kecamatanCode == (try RegionCode("35.09.31")))
            #expect(replica.criteriaMet == [.floorAreaUnder8m2PerPerson, .noPrivateToilet])
            #expect(replica.baselineStatus == .miskin)
            #expect(replica.registeredBy == .socialAid)
            #expect(replica.firstSeenAt == seen && replica.updatedAt == seen)
            #expect(replica.lastEventId == eventID)

            let stored = try await pool.read { db -> [String] in
                let row = try Row.fetchOne(
                    db,
                    sql: "SELECT desaCode, kecamatanCode, criteriaMet, registeredBy, lastEventId FROM householdReplica")
                return row.map { row in (0..<5).map { index in row[index] } } ?? []
            }
            #expect(stored == [
                "35.09.31.2001", "35.09.31", #"["floor_area_under_8m2_per_person","no_private_toilet"]"#, "socialAid",
                eventID.lowercaseText,
            ])
        }
    }

    @Test("registering a known KK again keeps one row, its firstSeenAt and first registrant, and takes the rest")
    func upsertTwice() async throws {
        try await withTemporaryDatabase { pool, _ in
            let first = Date(timeIntervalSince1970: 1_750_000_000)
            let later = first.addingTimeInterval(3_600)
            var changed = try Self.registration(1, by: .enterprise)
            changed.address = "Dusun Baru RT 03 RW 01"
            changed.memberCount = 5
            changed.baselineStatus = nil
            let again = changed
            let secondEvent = UUID()

            try await pool.write { db in
                try HouseholdReplica.upsert(registered: Self.registration(1), eventID: UUID(), at: first, in: db)
                try HouseholdReplica.upsert(registered: again, eventID: secondEvent, at: later, in: db)
            }

            let store = HouseholdReplicaStore(pool)
            #expect(try await store.count() == 1)
            let replica = try #require(try await store.fetch(kk: again.kkNumber))
            #expect(replica.firstSeenAt == first)
            #expect(replica.registeredBy == .socialAid)
            #expect(replica.updatedAt == later)
            #expect(replica.lastEventId == secondEvent)
            #expect(replica.address == "Dusun Baru RT 03 RW 01")
            #expect(replica.memberCount == 5)
            #expect(replica.baselineStatus == nil)
        }
    }

    @Test("an update changes only the fields it gives; a new desa moves the kecamatan too")
    func updateChangesOnlyGivenFields() async throws {
        try await withTemporaryDatabase { pool, _ in
            let store = HouseholdReplicaStore(pool)
            let registered = try Self.registration(1)
            let seen = Date(timeIntervalSince1970: 1_750_000_000)
            _ = try await store.receive(registered: registered, eventID: UUID(), at: seen)
            let before = try #require(try await store.fetch(kk: registered.kkNumber))

            let update = HouseholdUpdated(
                kkNumber: registered.kkNumber, address: "Jalan Mawar 7", desaCode: Self.padomasan, memberCount: 6,
                updatedBy: .communityEmpowerment)
            let updateID = UUID()
            let outcome = try await store.receive(updated: update, eventID: updateID, at: seen.addingTimeInterval(60))

            #expect(outcome == .applied)
            var expected = before
            expected.address = "Jalan Mawar 7"
            expected.desaCode = Self.padomasan
            expected.kecamatanCode = try RegionCode("35.09.01")
            expected.memberCount = 6
            expected.updatedAt = seen.addingTimeInterval(60)
            expected.lastEventId = updateID
            #expect(try await store.fetch(kk: registered.kkNumber) == expected)

            _ = try await store.receive(
                updated: HouseholdUpdated(kkNumber: registered.kkNumber, criteriaMet: [], updatedBy: .lowCost),
                eventID: UUID())
            #expect(try await store.fetch(kk: registered.kkNumber)?.criteriaMet == [])
        }
    }

    @Test("an update for a household never registered here is refused and writes nothing")
    func updateOfUnknownHousehold() async throws {
        try await withTemporaryDatabase { pool, _ in
            let store = HouseholdReplicaStore(pool)
            let kk = try KKNumber("3509310102030099")
            let eventID = UUID()

            await #expect(throws: HouseholdReplicaError.unknownHousehold(kk)) {
                try await store.receive(
                    updated: HouseholdUpdated(kkNumber: kk, memberCount: 3, updatedBy: .socialAid), eventID: eventID)
            }
            let known = try await store.count()
            let applied = try await Inbox(pool).contains(eventID)
            #expect(known == 0)
            #expect(!applied)
            let message = HouseholdReplicaError.unknownHousehold(kk).description
            #expect(!message.contains(kk.rawValue) && message.contains(kk.masked))
        }
    }

    @Test("a redelivered registration is a duplicate")
    func redeliveredRegistration() async throws {
        try await withTemporaryDatabase { pool, _ in
            let store = HouseholdReplicaStore(pool)
            let registered = try Self.registration(1)
            let eventID = UUID()

            #expect(try await store.receive(registered: registered, eventID: eventID) == .applied)
            #expect(try await store.receive(registered: registered, eventID: eventID) == .duplicate)
            #expect(try await store.count() == 1)
        }
    }

    @Test("listing pages through a desa, a kecamatan, a kabupaten and the province in KK order")
    func listByRegionWithPaging() async throws {
        try await withTemporaryDatabase { pool, _ in
            let placements: [(Int, RegionCode)] = [
                (5, Self.plerean), (1, Self.plerean), (4, Self.plerean), (2, Self.plerean), (3, Self.plerean),
                (6, Self.sumberpakem), (7, Self.sumberpakem), (8, Self.padomasan), (9, Self.tulungrejo),
            ]
            try await pool.write { db in
                for (number, desa) in placements {
                    try HouseholdReplica.upsert(
                        registered: Self.registration(number, desa: desa), eventID: UUID(), at: Date(), in: db)
                }
            }
            let store = HouseholdReplicaStore(pool)
            func numbers(_ page: [HouseholdReplica]) -> [Int] {
                page.compactMap { Int($0.kkNumber.rawValue.suffix(2)) }
            }

            #expect(numbers(try await store.list(in: Self.plerean, limit: 2)) == [1, 2])
            #expect(numbers(try await store.list(in: Self.plerean, limit: 2, offset: 2)) == [3, 4])
            #expect(numbers(try await store.list(in: Self.plerean, limit: 2, offset: 4)) == [5])
            #expect(try await store.list(in: Self.plerean, limit: 2, offset: 6).isEmpty)
            #expect(try await store.list(in: Self.plerean, limit: 0).isEmpty)

            let sumberjambe = try RegionCode("35.09.31")
            #expect(numbers(try await store.list(in: sumberjambe, limit: 10)) == [1, 2, 3, 4, 5, 6, 7])
            #expect(numbers(try await store.list(in: sumberjambe, limit: 3, offset: 5)) == [6, 7])
            #expect(numbers(try await store.list(in: try RegionCode("35.09"), limit: 10)) == Array(1...8))
            #expect(numbers(try await store.list(in: RegionCode.eastJava, limit: 10)) == Array(1...9))

            #expect(try await store.count(in: Self.plerean) == 5)
            #expect(try await store.count(in: sumberjambe) == 7)
            #expect(try await store.count(in: try RegionCode("35.09")) == 8)
            #expect(try await store.count(in: try RegionCode("35.07")) == 1)
            #expect(try await store.count() == 9)
        }
    }

    @Test("SQLite refuses a desa code that is not at desa level")
    func nonDesaCodeRefused() async throws {
        try await withTemporaryDatabase { pool, _ in
            let registered = try Self.registration(1, desa: try RegionCode("35.09.31"))
            await #expect(throws: DatabaseError.self) {
                try await pool.write { db in
                    try HouseholdReplica.upsert(registered: registered, eventID: UUID(), at: Date(), in: db)
                }
            }
        }
    }

    @Test("printing or dumping a replica shows neither the head's name nor a full KK number or NIK")
    func printingHidesPersonalData() throws {
        let registered = try Self.registration(1)
        let replica = HouseholdReplica(registered: registered, eventID: UUID(), at: Date())
        var dumped = ""
        dump(replica, to: &dumped)

        for text in [String(describing: replica), String(reflecting: replica), "\(replica)", dumped] {
            #expect(!text.contains(registered.headName))
            #expect(!text.contains(registered.kkNumber.rawValue))
            #expect(!text.contains(registered.headNIK.rawValue))
        }
    }
}
