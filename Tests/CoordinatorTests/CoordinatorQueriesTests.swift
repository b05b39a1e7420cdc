import EntasAPI
import EntasDomain
import EntasStore
import Foundation
import GRDB
import Testing

@testable import Coordinator
import EntasTestKit

@Suite(.english) struct CoordinatorQueriesTests {
    /// Four households: two in desa Sumberjambe, one in desa Plerean (kecamatan Sumberjambe), one in Silo.
    private func seed(_ pool: DatabasePool, _ model: CoordinatorReadModel) async throws -> EventScript {
        var script = EventScript()
        let a = try TestHousehold(31, in: "35.09.31.2006")
        let b = try TestHousehold(32, in: "35.09.31.2006")
        let c = try TestHousehold(33, in: "35.09.31.2001")
        let d = try TestHousehold(34, in: "35.09.30.2004")
        try script.register(a, baseline: .sangatMiskin)
        try script.register(b, baseline: .miskin)
        try script.register(c, baseline: .hampirMiskin)
        try script.register(d, baseline: .sangatMiskin)
        try script.assess(a, .sangatMiskin, by: .socialAid, on: "2027-01-20")
        try script.assess(a, .miskin, by: .socialAid, on: "2027-04-02")
        try script.graduate(d, by: .enterprise, on: "2027-05-05")
        let pkh = try script.enrol(b, in: .socialAid, programme: "pkh", strategy: .socialProtection, on: "2027-02-01")
        try script.deliver(b, enrolment: pkh, by: .socialAid, rupiah: 750_000, on: "2027-02-20")
        try script.deliver(b, enrolment: pkh, by: .socialAid, rupiah: nil, kilograms: 15, on: "2027-03-20")
        let kube = try script.enrol(
            c, in: .communityEmpowerment, programme: "kube", strategy: .communityEmpowerment, on: "2027-02-01")
        try script.end(kube, of: c, in: .communityEmpowerment, programme: "kube", on: "2027-03-31")
        try await applyThroughInbox(script.takeNew(), model, pool)
        return script
    }

    @Test("overview at depth 0, 1 and 2, with and without empty regions")
    func overviewDepths() async throws {
        try await withReadModel { pool, model, _ in
            _ = try await seed(pool, model)
            let queries = CoordinatorQueries(pool)
            let jember = try RegionCode("35.09")
            let own = try await queries.overview(region: jember, depth: 0)
            #expect(own.region.name == "Kabupaten Jember" && own.region.totals.households == 4 && own.regions.isEmpty)

            let children = try await queries.overview(region: jember, depth: 1)
            #expect(children.regions.map(\.code.dotted) == ["35.09.30", "35.09.31"])
            #expect(children.regions.map(\.name) == ["Silo", "Sumberjambe"])
            #expect(children.regions.map(\.level) == [.kecamatan, .kecamatan])
            #expect(children.regions.map(\.totals.households) == [1, 3])

            let grandchildren = try await queries.overview(region: jember, depth: 2)
            #expect(grandchildren.regions.map(\.code.dotted) == ["35.09.30.2004", "35.09.31.2001", "35.09.31.2006"])
            #expect(grandchildren.regions.map(\.totals.households) == [1, 1, 2])
            #expect(grandchildren.regions.reduce(.zero) { $0 + $1.totals } == own.region.totals)

            let everyKecamatan = try await queries.overview(region: jember, depth: 1, includeEmpty: true)
            #expect(everyKecamatan.regions.count == RegionReference.eastJava.children(of: jember).count)
            #expect(
                everyKecamatan.regions.filter { $0.totals.households > 0 }.map(\.code.dotted) == [
                    "35.09.30", "35.09.31",
                ])

            let province = try await queries.overview(region: .eastJava, depth: 1)
            #expect(province.region.name == "Jawa Timur" && province.regions.map(\.code) == [jember])
            let emptyKabupaten = try await queries.overview(region: try RegionCode("35.07"), depth: 1)
            #expect(emptyKabupaten.region.totals == .zero && emptyKabupaten.regions.isEmpty)
        }
    }

    @Test("queries refuse unknown regions, impossible depths, bad pages and month ranges")
    func refusals() async throws {
        try await withReadModel { pool, _, _ in
            let queries = CoordinatorQueries(pool)
            let desa = try RegionCode("35.09.31.2006")
            let unknown = try RegionCode("35.99")
            await #expect(throws: CoordinatorQueryError.unknownRegion(unknown)) {
                try await queries.overview(region: unknown, depth: 1)
            }
            await #expect(throws: CoordinatorQueryError.depthOutOfRange(depth: 1, level: .desa)) {
                try await queries.overview(region: desa, depth: 1)
            }
            await #expect(throws: CoordinatorQueryError.invalidPage(limit: 0, offset: 0)) {
                try await queries.gaps(region: desa, limit: 0)
            }
            await #expect(throws: CoordinatorQueryError.invalidPage(limit: 10, offset: -1)) {
                try await queries.conflicts(region: desa, limit: 10, offset: -1)
            }
            let march = try CalendarMonth("2027-03")
            let january = try CalendarMonth("2027-01")
            await #expect(throws: CoordinatorQueryError.invertedMonths(from: march, to: january)) {
                try await queries.progress(region: desa, from: march, to: january)
            }
            await #expect(throws: CoordinatorQueryError.tooManyMonths(count: 1201)) {
                try await queries.progress(
                    region: desa, from: try CalendarMonth("1950-01"), to: try CalendarMonth("2050-01"))
            }
            #expect(try await queries.household(kk: try KKNumber("3509311203089999"), key: testSecret) == nil)
            #expect(CoordinatorQueryError.unknownRegion(unknown).description.contains("35.99"))
        }
    }

    @Test("progress lists every month, carrying counts through months without change")
    func progressMonths() async throws {
        try await withReadModel { pool, model, _ in
            _ = try await seed(pool, model)
            let queries = CoordinatorQueries(pool)
            let report = try await queries.progress(
                region: try RegionCode("35.09"), from: try CalendarMonth("2026-12"), to: try CalendarMonth("2027-06"))
            #expect(
                report.months.map(\.month.description) == [
                    "2026-12", "2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06",
                ])
            // Registered in January with PPLS 2008 baselines, so counted from 2008 on, not from the
            // registration: SM a and d, M b, HM c; a becomes M in April; d graduates in May.
            #expect(report.months.map(\.sangatMiskin) == [2, 2, 2, 2, 1, 0, 0])
            #expect(report.months.map(\.miskin) == [1, 1, 1, 1, 2, 2, 2])
            #expect(report.months.map(\.hampirMiskin) == [1, 1, 1, 1, 1, 1, 1])
            #expect(report.months.map(\.graduated) == [0, 0, 0, 0, 0, 1, 1])
            #expect(report.region.totals.baselineSangatMiskin == 2)
            // Starting later opens with the sum of everything before.
            let later = try await queries.progress(
                region: try RegionCode("35.09"), from: try CalendarMonth("2027-05"), to: try CalendarMonth("2027-05"))
            #expect(later.months == [report.months[5]])
            // The last month ends where the overview is.
            let totals = try await queries.overview(region: try RegionCode("35.09"), depth: 0).region.totals
            #expect(report.months.last?.miskin == totals.miskin && report.months.last?.graduated == totals.graduated)
        }
    }

    @Test("strategies count active and started enrolments, deliveries and rupiah per cluster and strategy")
    func strategies() async throws {
        try await withReadModel { pool, model, _ in
            _ = try await seed(pool, model)
            let report = try await CoordinatorQueries(pool).strategies(region: try RegionCode("35.09.31"))
            #expect(report.regionName == "Sumberjambe")
            #expect(report.rows.map(\.cluster) == [.socialAid, .communityEmpowerment])
            let pkh = report.rows[0]
            #expect(pkh.strategy == .socialProtection && pkh.activeEnrolments == 1 && pkh.enrolmentsStarted == 1)
            #expect(pkh.deliveries == 2 && pkh.deliveredRupiah == 750_000)
            let kube = report.rows[1]
            #expect(kube.strategy == .communityEmpowerment && kube.activeEnrolments == 0 && kube.enrolmentsStarted == 1)
            #expect(try await CoordinatorQueries(pool).strategies(region: try RegionCode("35.09.30")).rows.isEmpty)
        }
    }

    @Test("commitments show the latest revision with the earlier ones, by region and overlapping period")
    func commitments() async throws {
        try await withReadModel { pool, model, _ in
            var script = EventScript()
            let revised = UUID()
            func commit(
                _ id: UUID, _ cluster: Cluster, _ region: String, _ period: String, households: Int, on day: String
            ) throws {
                script.add(
                    CommitmentMade(
                        commitmentID: id, cluster: cluster, regionCode: try RegionCode(region),
                        period: try Period(period),
                        programme: "pkh", strategy: .socialProtection, households: households,
                        deliveries: households * 4,
                        budgetRupiah: Int64(households) * 1_900_000, madeOn: try CalendarDate(day)),
                    by: cluster)
            }
            try commit(revised, .socialAid, "35.09", "2027", households: 12_500, on: "2026-11-02")
            try commit(UUID(), .communityEmpowerment, "35.09.31", "2027-Q1", households: 300, on: "2026-12-01")
            try commit(UUID(), .enterprise, "35.07", "2027", households: 800, on: "2026-11-05")
            try commit(revised, .socialAid, "35.09", "2027", households: 13_000, on: "2027-01-15")
            // Applied newest first: the revision still wins by its day.
            try await applyThroughInbox(script.events.reversed(), model, pool)

            let queries = CoordinatorQueries(pool)
            let jember = try await queries.commitments(region: try RegionCode("35.09"), period: try Period("2027"))
            #expect(jember.map(\.regionCode.dotted) == ["35.09", "35.09.31"])
            let current = try #require(jember.first)
            #expect(current.commitmentID == revised && current.households == 13_000 && current.revision == 2)
            #expect(current.earlierRevisions.map(\.households) == [12_500])
            #expect(current.regionName == "Kabupaten Jember")
            #expect(try await queries.commitments(region: try RegionCode("35.09.31")).map(\.households) == [300])
            #expect(
                try await queries.commitments(region: try RegionCode("35.09"), period: try Period("2027-03")).count == 2
            )
            #expect(
                try await queries.commitments(region: try RegionCode("35.09"), period: try Period("2027-Q2")).count == 1
            )
            #expect(try await queries.commitments(region: try RegionCode("35.09"), period: try Period("2028")).isEmpty)
            #expect(try await queries.commitments(region: .eastJava).count == 3)
        }
    }

    @Test("gaps and conflicts page in desa and key order")
    func paging() async throws {
        try await withReadModel { pool, model, _ in
            var script = EventScript()
            for number in 0..<7 {
                let household = try TestHousehold(100 + number, in: number < 4 ? "35.09.31.2006" : "35.09.31.2001")
                try script.register(household, baseline: .miskin)
                try script.assess(household, .miskin, by: .socialAid, on: "2027-01-10")
                try script.assess(household, .sangatMiskin, by: .lowCost, on: "2027-01-11")
            }
            try await applyAll(script.events, model, pool)
            let queries = CoordinatorQueries(pool)
            let kecamatan = try RegionCode("35.09.31")
            let first = try await queries.gaps(region: kecamatan, limit: 4)
            let second = try await queries.gaps(region: kecamatan, limit: 4, offset: 4)
            #expect(first.total == 7 && second.total == 7)
            #expect(first.items.count == 4 && second.items.count == 3)
            let all = first.items + second.items
            #expect(
                all.map { "\($0.desaCode.digits)\($0.key)" } == all.map { "\($0.desaCode.digits)\($0.key)" }.sorted())
            #expect(all.allSatisfy { $0.consensusStatus == .sangatMiskin && $0.uncovered })
            let conflicts = try await queries.conflicts(region: try RegionCode("35.09.31.2001"), limit: 2)
            #expect(conflicts.total == 3 && conflicts.items.count == 2)
            #expect(conflicts.items.allSatisfy { $0.assessments.map(\.cluster) == [.socialAid, .lowCost] })
        }
    }

    @Test("results encode as JSON with codes, months, days and keys as text")
    func json() async throws {
        try await withReadModel { pool, model, _ in
            let script = try await seed(pool, model)
            let queries = CoordinatorQueries(pool)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let overview = String(
                decoding: try encoder.encode(try await queries.overview(region: .eastJava)), as: UTF8.self)
            #expect(overview.contains(#""code":"35.09""#) && overview.contains(#""name":"Kabupaten Jember""#))
            let progress = try await queries.progress(
                region: .eastJava, from: try CalendarMonth("2027-01"), to: try CalendarMonth("2027-01"))
            #expect(String(decoding: try encoder.encode(progress), as: UTF8.self).contains(#""month":"2027-01""#))
            let kk = try #require(script.events.first?.payload.kkNumber)
            let detail = try #require(try await queries.household(kk: kk, key: testSecret))
            let text = String(decoding: try encoder.encode(detail), as: UTF8.self)
            #expect(text.contains(#""key":"\#(model.key(for: kk).rawValue)""#))
            #expect(text.contains(#""effectiveDate":"2027-01-20""#) && !text.contains(kk.rawValue))
            #expect(try JSONDecoder().decode(HouseholdDetail.self, from: try encoder.encode(detail)) == detail)
        }
    }
}
