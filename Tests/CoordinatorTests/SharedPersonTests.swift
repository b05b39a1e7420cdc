import EntasTestKit
import EntasAPI
import EntasDomain
import EntasKafka
import EntasCluster
import EntasService
import EntasStore
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Coordinator
@testable import Enterprise
@testable import SocialAid

/// One person in two households at two services: Dinas Sosial lists a boy as a member of his mother's KK while,
/// before that reached Dinas Koperasi, it registers him as the head of a KK of his own. Each service refuses a NIK
/// it already holds elsewhere; across services, the coordinator finds him by a keyed hash of his NIK and opens a
/// verification case for both households, and its store holds neither NIK.
@Suite("A person in two households at two services opens a case at the coordinator", .timeLimit(.minutes(3)), .english)
struct SharedPersonTests {
    @Test("the same NIK in two KKs at social aid and UMKM: a sharedPerson case for both, no NIK in the coordinator's store")
    func sharedPerson() async throws {
        try await TestCoordinator.with { coordinator in
            let (kafka, directory) = (coordinator.kafka, coordinator.directory)
            let mother = try TestHousehold(1, in: "35.09.31.2006")
            let son = try NIK(String(mother.nik.rawValue.prefix(6)) + "010316" + mother.nik.rawValue.suffix(4))
            let ownKK = try KKNumber("3509311203089001")

            // Dinas Sosial records the family in its store: the event waits in its outbox, unpublished, as if the
            // network were down.
            let socialAidPath = directory.path("social-aid.sqlite")
            let socialAidStore = try EntasDatabase.openPool(at: socialAidPath, migrator: ServiceRuntime.migrator(SocialAidCommand.definition.registerMigrations))
            let family = try JSONDecoder().decode(
                HouseholdRegistration.self, from: JSONSerialization.data(withJSONObject: mother.registration(.sangatMiskin)))
            #expect(try await ClusterStore(socialAidStore, definition: SocialAidCommand.definition).register(family) == .created)
            let (socialAidToken, _) = try await TokenStore(socialAidStore, service: "social-aid").create(name: "tests")
            try socialAidStore.close()

            // Meanwhile Dinas Koperasi registers the son as the head of his own KK.
            let (umkmToken, umkmApp) = try await clusterService(EnterpriseCommand.definition, kafka: kafka, in: directory)
            let coordinatorApp = try coordinator.application()
            let readToken = try await coordinator.token()
            try await umkmApp.test(.live) { umkmClient in
                let umkm = ServiceClient(client: umkmClient, token: umkmToken)
                try await umkm.send(.post, "/v1/households", Self.ownHousehold(ownKK.rawValue, head: son), expect: .created)
                // Now Dinas Sosial is back: its relay publishes the family.
                let configuration = ServiceConfiguration(
                    serviceName: "social-aid", databasePath: socialAidPath,
                    kafka: KafkaSettings(bootstrapServers: kafka.bootstrapServers, clientID: "entas-social-aid", properties: EmbeddedKafka.recommendedClientProperties),
                    logLevel: .critical, httpHost: "127.0.0.1", httpPort: 0)
                let socialAidApp = try ClusterApplication.build(definition: SocialAidCommand.definition, configuration: configuration, logger: CoordinatorServiceTests.logger)
                try await socialAidApp.test(.live) { socialAidClient in
                    let socialAid = ServiceClient(client: socialAidClient, token: socialAidToken)
                    try await coordinatorApp.test(.live) { coordinatorClient in
                        let coordinatorAPI = ServiceClient(client: coordinatorClient, token: readToken)
                        for kk in [mother.kk, ownKK] {
                            try await eventually("the coordinator opens a case for \(kk.masked)", timeout: .seconds(60)) {
                                let data = try await coordinatorAPI.data("/v1/households/\(kk.rawValue)")
                                let detail = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
                                let verification = detail?["verification"] as? [String: Any]
                                return verification?["kind"] as? String == "sharedPerson" && verification?["state"] as? String == "open"
                            }
                        }
                        let cases = try await coordinatorAPI.send(.get, "/v1/cases?region=35.09.31")
                        #expect(cases["total"] as? Int == 2, "\(cases)")
                        // The pair is counted once (in the household of the smaller key), with its jiwa; both cases count.
                        let overview = try await coordinatorAPI.send(.get, "/v1/overview?region=35.09.31.2006&depth=0")
                        let totals = (overview["region"] as? [String: Any])?["totals"] as? [String: Any]
                        let keys = (mother: HouseholdKey(kk: mother.kk, secret: testSecret), own: HouseholdKey(kk: ownKK, secret: testSecret))
                        let counted = keys.mother < keys.own ? 2 : 1
                        #expect(
                            totals?["households"] as? Int == 1 && totals?["people"] as? Int == counted && totals?["casesOpen"] as? Int == 2,
                            "\(String(describing: totals))")
                        let detail = try await coordinatorAPI.send(.get, "/v1/households/\(ownKK.rawValue)")
                        let history = detail["history"] as? [[String: Any]] ?? []
                        #expect(history.contains { ($0["summary"] as? String ?? "").contains("also listed in another household") })

                        // At a service, the same NIK in a further KK is refused (409), the household named masked.
                        try await eventually("social aid has the son's own KK", timeout: .seconds(30)) {
                            try await socialAid.send(.get, "/v1/households?limit=1")["total"] as? Int == 2
                        }
                        let third = Self.ownHousehold("3509311203089002", head: son)
                        let refused = try await socialAid.send(.post, "/v1/households", third, expect: .conflict)
                        #expect(refused["code"] as? String == "person-in-another-household")

                        // People served: PKH serves the family of two, PIP the son alone.
                        let today = CalendarDate.today().description
                        try await socialAid.send(
                            .post, "/v1/enrolments", ["kkNumber": mother.kk.rawValue, "programme": "pkh", "startedOn": today], expect: .created)
                        try await socialAid.send(
                            .post, "/v1/enrolments", ["kkNumber": mother.kk.rawValue, "programme": "pip", "startedOn": today, "memberNIK": son.rawValue],
                            expect: .created)
                        let year = CalendarDate.today().year
                        try await eventually("the evaluation counts the people served", timeout: .seconds(30)) {
                            let data = try await coordinatorAPI.data("/v1/evaluation?region=35.09.31.2006&period=\(year)")
                            let report = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
                            let lines = report?["programmes"] as? [[String: Any]] ?? []
                            func served(_ programme: String) -> (households: Int?, people: Int?) {
                                let realised = lines.first { $0["programme"] as? String == programme }?["realised"] as? [String: Any]
                                return (realised?["householdsServed"] as? Int, realised?["peopleServed"] as? Int)
                            }
                            return served("pkh") == (1, 2) && served("pip") == (1, 1)
                        }
                        let strategies = try await coordinatorAPI.send(.get, "/v1/strategies?region=35.09.31.2006")
                        let rows = strategies["rows"] as? [[String: Any]] ?? []
                        let reached = Dictionary(uniqueKeysWithValues: rows.compactMap { row in
                            (row["strategy"] as? String).map { ($0, row["activePeople"] as? Int ?? -1) }
                        })
                        #expect(reached == ["socialProtection": 2, "basicServices": 1], "PKH reaches the family, PIP the pupil: \(rows)")

                        // The son leaves his mother's KK (pecah KK): the pair is counted as two again and, the person no
                        // longer in two households, both cases close.
                        try await socialAid.send(
                            .post, "/v1/households/\(mother.kk.rawValue)/members/\(son.rawValue)/departure", ["reason": "movedOut"])
                        try await eventually("the coordinator counts both households again", timeout: .seconds(30)) {
                            let overview = try await coordinatorAPI.send(.get, "/v1/overview?region=35.09.31.2006&depth=0")
                            let totals = (overview["region"] as? [String: Any])?["totals"] as? [String: Any]
                            return totals?["households"] as? Int == 2 && totals?["people"] as? Int == 2 && totals?["casesOpen"] as? Int == 0
                        }
                    }
                }
            }
            // The coordinator's store holds neither NIK nor the names, in the database or its write-ahead log.
            for suffix in ["", "-wal"] {
                let bytes = (try? Data(contentsOf: URL(fileURLWithPath: coordinator.path + suffix))) ?? Data()
                for secret in [mother.nik.rawValue, son.rawValue, ownKK.rawValue, "Anak Mandiri"] {
                    #expect(bytes.range(of: Data(secret.utf8)) == nil, "coordinator.sqlite\(suffix) holds a NIK, KK or name")
                }
            }
        }
    }

    /// The son's own household, KK `kk`, with him as its head.
    static func ownHousehold(_ kk: String, head: NIK) -> [String: Any] {
        [
            "kkNumber": kk, "headNIK": head.rawValue, "headName": "Anak Mandiri", "address": "Dusun Krajan RT 004 RW 002",
            "desaCode": "35.09.31.2006", "memberCount": 1, "criteriaMet": PovertyCriterion.allCases.prefix(9).map(\.rawValue),
        ]
    }
}
