import EntasDomain
import Foundation

@testable import Coordinator

/// Random but repeatable histories of many households: registrations (most with a baseline), assessments
/// by random clusters on random days (ties on a day included), graduations, enrolments started and ended,
/// deliveries, moves, updates that move nobody, referrals and their answers, verification requests,
/// assignments and verifications (a few from a cluster that may not verify), people listed in two households
/// (and some taken off one again), and a few commitments.
enum RandomHistory {
    /// Desas in two kecamatan of Jember, one more kecamatan of Jember, Kabupaten Malang and Kota Surabaya.
    static let desas = [
        "35.09.31.2006", "35.09.31.2001", "35.09.31.2003", "35.09.30.2004", "35.09.30.2001",
        "35.09.01.2001", "35.07.01.2001", "35.07.01.2002",
    ]

    static func events(households count: Int, seed: UInt64) throws -> [EventEnvelope] {
        var random = SeededGenerator(seed: seed)
        var script = EventScript()
        for number in 0..<count {
            var household = try TestHousehold(number, in: desas[number % desas.count])
            let desa = try RegionCode(desas.randomElement(using: &random) ?? desas[0])
            household.desa = desa
            if Double.random(in: 0..<1, using: &random) < 0.9 {
                let baseline =
                    [nil, PovertyStatus.sangatMiskin, .miskin, .hampirMiskin].randomElement(using: &random) ?? nil
                try script.register(
                    household, baseline: baseline, by: Cluster.allCases.randomElement(using: &random) ?? .socialAid)
            }
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                try script.assess(
                    household, PovertyStatus.allCases.randomElement(using: &random) ?? .miskin,
                    by: Cluster.allCases.randomElement(using: &random) ?? .socialAid, on: day(&random),
                    criteria: Int.random(in: 0...14, using: &random))
            }
            if Double.random(in: 0..<1, using: &random) < 0.15 {
                try script.graduate(
                    household, by: Cluster.allCases.randomElement(using: &random) ?? .enterprise, on: day(&random))
            }
            if Double.random(in: 0..<1, using: &random) < 0.1 {
                script.move(&household, to: try RegionCode(desas.randomElement(using: &random) ?? desas[0]))
            }
            if Double.random(in: 0..<1, using: &random) < 0.1 {
                script.add(HouseholdUpdated(kkNumber: household.kk, memberCount: 5, updatedBy: .lowCost), by: .lowCost)
            }
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                let cluster = Cluster.allCases.randomElement(using: &random) ?? .socialAid
                let strategy = Strategy.allCases.randomElement(using: &random) ?? .socialProtection
                let id = try script.enrol(
                    household, in: cluster, programme: "p-\(cluster.serviceName)", strategy: strategy, on: day(&random))
                for _ in 0..<Int.random(in: 0...2, using: &random) {
                    try script.deliver(
                        household, enrolment: id, by: cluster, programme: "p-\(cluster.serviceName)",
                        strategy: strategy,
                        rupiah: Int64.random(in: 0...10, using: &random) * 50_000, on: day(&random))
                }
                if Double.random(in: 0..<1, using: &random) < 0.3 {
                    try script.end(
                        id, of: household, in: cluster, programme: "p-\(cluster.serviceName)", on: day(&random))
                }
            }
            // Verification steps from a stream of their own, so the rest of the history stays as it was.
            var verifying = SeededGenerator(seed: seed &+ UInt64(number) &* 7919)
            if Double.random(in: 0..<1, using: &verifying) < 0.1 {
                try script.requestVerification(
                    household, by: Cluster.allCases.randomElement(using: &verifying) ?? .enterprise, on: day(&verifying))
            }
            if Double.random(in: 0..<1, using: &verifying) < 0.15 {
                try script.assign(household, case: UUID(), to: "tim-\(number % 3)", on: day(&verifying))
            }
            for _ in 0..<(Double.random(in: 0..<1, using: &verifying) < 0.25 ? Int.random(in: 1...2, using: &verifying) : 0) {
                // Mostly the data steward; now and then a cluster whose verification does not count.
                let verifier: Cluster = Double.random(in: 0..<1, using: &verifying) < 0.8 ? .socialAid : .enterprise
                try script.verify(
                    household, [.sangatMiskin, .miskin, .hampirMiskin, .tidakMiskin].randomElement(using: &verifying) ?? .miskin,
                    by: verifier, on: day(&verifying))
            }
            if Double.random(in: 0..<1, using: &random) < 0.2 {
                let from = Cluster.allCases.randomElement(using: &random) ?? .socialAid
                let to = Cluster.allCases.first { $0 != from } ?? .enterprise
                let id = try script.refer(household, from: from, to: to, on: day(&random))
                if Bool.random(using: &random) {
                    try script.answer(
                        id, of: household, from: from, to: to, Bool.random(using: &random) ? .accepted : .declined,
                        on: day(&random))
                }
            }
            // One person in two households, from a stream of its own: now and then a household lists the previous
            // household's head as a relative, and sometimes takes her off again (pecah KK).
            var sharing = SeededGenerator(seed: seed &+ UInt64(number) &* 104_729)
            if number > 0, Double.random(in: 0..<1, using: &sharing) < 0.12 {
                let previous = try TestHousehold(number - 1, in: desas[(number - 1) % desas.count])
                let born = try CalendarDate("1985-07-15")
                let head = HouseholdMember(nik: household.nik, name: household.headName, relationship: .head, sex: .female, birthDate: born)
                let relative = HouseholdMember(nik: previous.nik, name: previous.headName, relationship: .otherRelative, sex: .female, birthDate: born)
                script.add(HouseholdUpdated(kkNumber: household.kk, updatedBy: .socialAid, members: [head, relative]), by: .socialAid)
                if Bool.random(using: &sharing) {
                    script.add(
                        HouseholdUpdated(
                            kkNumber: household.kk, updatedBy: .socialAid, members: [head],
                            departures: [MemberDeparture(nik: previous.nik, reason: .movedOut)]),
                        by: .socialAid)
                }
            }
        }
        for (index, region) in ["35.09", "35.09.31", "35.07"].enumerated() {
            let id = UUID()
            for revision in 0..<2 {
                script.add(
                    CommitmentMade(
                        commitmentID: id, cluster: Cluster.allCases[index], regionCode: try RegionCode(region),
                        period: try Period("2027"), programme: "pkh", strategy: .socialProtection,
                        households: 100 + revision * 10, deliveries: 400, budgetRupiah: 1_000_000_000,
                        madeOn: try CalendarDate("2026-11-0\(revision + 1)")),
                    by: Cluster.allCases[index])
            }
        }
        return script.events
    }

    /// A random day of 2027 (many collide, so ties on the day are exercised).
    static func day(_ random: inout SeededGenerator) -> String {
        CalendarDate(daysSinceEpoch: 20_819 + Int.random(in: 0..<120, using: &random) * 3).description
    }
}
