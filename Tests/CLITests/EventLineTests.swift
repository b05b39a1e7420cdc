import EntasDomain
import Foundation
import Testing

@testable import CLI
import EntasTestKit

@Suite("Lines of entas watch", .english)
struct EventLineTests {
    static let kk = "3509311203080001"
    static let nik = "3509315507850002"

    static func registered() throws -> EventEnvelope {
        EventEnvelope(
            cluster: .socialAid, time: Date(timeIntervalSince1970: 1_799_110_860),  // 2027-01-05T01:01:00Z
            payload: HouseholdRegistered(
                kkNumber: try KKNumber(kk), headNIK: try NIK(nik), headName: "Siti Aminah", address: "Dusun Krajan RT 01",
                desaCode: try RegionCode("35.09.31.2006"), memberCount: 4, criteriaMet: Array(PovertyCriterion.allCases.prefix(9)),
                baselineStatus: .sangatMiskin, registeredBy: .socialAid
            ).eventPayload)
    }

    @Test("a registration shows time, type, cluster, masked KK, desa and summary; no NIK or name")
    func registration() throws {
        let line = EventLine.render(try Self.registered())
        #expect(line.hasPrefix("2027-01-05 08:01:00 WIB  household.registered  social-aid"))
        #expect(line.contains("350931******0001"))
        #expect(line.contains("35.09.31.2006 Sumberjambe"))
        #expect(line.contains("baseline SM, 4 members, 9 criteria met"))
        #expect(!line.contains(Self.kk) && !line.contains(Self.nik) && !line.contains("Siti"))
    }

    @Test("a delivery shows programme, period and amount")
    func delivery() throws {
        let envelope = EventEnvelope(
            cluster: .socialAid, time: Date(timeIntervalSince1970: 1_799_118_060),
            payload: BenefitDelivered(
                deliveryID: UUID(), enrolmentID: UUID(), kkNumber: try KKNumber(Self.kk), desaCode: try RegionCode("35.09.31.2006"),
                cluster: .socialAid, programme: "pkh", strategy: .socialProtection, amountRupiah: 600_000, inKindQuantity: nil,
                inKindUnit: nil, period: try Period("2027-01"), deliveredOn: try CalendarDate("2027-01-20")
            ).eventPayload)
        #expect(EventLine.render(envelope).hasSuffix("pkh 2027-01: Rp 600,000 on 2027-01-20"))
    }

    @Test("the filter keeps events inside the region and of the types asked for")
    func filter() throws {
        let event = try Self.registered()
        #expect(EventFilter().matches(event))
        #expect(EventFilter(region: try RegionCode("35.09")).matches(event))
        #expect(!EventFilter(region: try RegionCode("35.07")).matches(event))
        #expect(EventFilter(typeNames: ["household.registered"]).matches(event))
        #expect(!EventFilter(typeNames: ["enrolment.started"]).matches(event))
    }

    @Test("a record that is not an Entas event becomes a one-line warning")
    func undecodable() {
        let watcher = EventWatcher(filter: EventFilter())
        let outcome = watcher.handle(topic: "entas.households", partition: 1, offset: 7, headers: ["ce_specversion": "1.0"], value: Data("{}".utf8))
        guard case .warning(let text) = outcome else {
            Issue.record("expected a warning, got \(outcome)")
            return
        }
        #expect(text.hasPrefix("warning: skipped entas.households [1] offset 7"))
        #expect(!text.contains("\n"))
    }

    @Test("digit runs in free text are masked")
    func freeText() {
        #expect(IdentityText.maskDigitRuns("KK 3509311203080001 pindah") == "KK 350931******0001 pindah")
        #expect(IdentityText.maskDigitRuns("RT 01 RW 02") == "RT 01 RW 02")
    }
}
