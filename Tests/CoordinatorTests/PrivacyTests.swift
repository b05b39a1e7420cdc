import EntasTestKit
import EntasDomain
import EntasStore
import Foundation
import GRDB
import Testing

@testable import Coordinator

@Suite(.english) struct PrivacyTests {
    @Test("the database files hold no KK number, NIK or head's name of any household")
    func noPersonalDataOnDisk() async throws {
        let directory = try TemporaryFolder("CoordinatorTests")
        defer { directory.remove() }
        let path = directory.path("coordinator.sqlite")
        let pool = try EntasDatabase.openPool(at: path, migrator: coordinatorMigrator())
        let model = CoordinatorReadModel(secret: testSecret)
        var script = EventScript()
        var secrets: [String] = []
        for number in 0..<40 {
            var household = try TestHousehold(500 + number, in: RandomHistory.desas[number % RandomHistory.desas.count])
            try script.register(household, baseline: .sangatMiskin)
            try script.assess(household, .miskin, by: .socialAid, on: "2027-02-01")
            let id = try script.enrol(household, in: .socialAid, on: "2027-02-10")
            try script.deliver(household, enrolment: id, by: .socialAid, rupiah: 750_000, on: "2027-03-01")
            let referral = try script.refer(household, from: .socialAid, to: .enterprise, on: "2027-03-02")
            try script.answer(referral, of: household, from: .socialAid, to: .enterprise, .declined, on: "2027-03-09")
            // A new head of household, by name and NIK.
            let newHead = try NIK(String(household.kk.rawValue.prefix(6)) + "010190" + "7\(100 + number)")
            let newName = "Budi Santoso Pengganti\(number)x"
            script.add(
                HouseholdUpdated(kkNumber: household.kk, headNIK: newHead, headName: newName, updatedBy: .socialAid),
                by: .socialAid)
            script.move(&household, to: try RegionCode("35.09.30.2004"))
            secrets += [household.kk.rawValue, household.nik.rawValue, household.headName, newHead.rawValue, newName]
        }
        try await applyAll(script.events, model, pool)
        #expect(try await pool.read { db in try Household.fetchCount(db) } == 40)
        let masked = try await pool.read { db in try String.fetchAll(db, sql: "SELECT maskedKK FROM household") }
        #expect(masked.allSatisfy { $0.contains("******") })

        // Before and after a checkpoint: the WAL and the main file.
        var files = [path, path + "-wal"].filter { FileManager.default.fileExists(atPath: $0) }
        try scan(files, for: secrets)
        try pool.close()
        files = [path, path + "-wal", path + "-shm"].filter { FileManager.default.fileExists(atPath: $0) }
        #expect(files.contains(path))
        try scan(files, for: secrets)
    }

    private func scan(_ files: [String], for secrets: [String], sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        for file in files {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(bytes.count > 0, sourceLocation: sourceLocation)
            for secret in secrets {
                // UTF-8, as SQLite stores text here; a hit names the file, never the value.
                let found = bytes.range(of: Data(secret.utf8)) != nil
                #expect(
                    !found, "personal data found in \(URL(fileURLWithPath: file).lastPathComponent)",
                    sourceLocation: sourceLocation)
            }
        }
    }
}
