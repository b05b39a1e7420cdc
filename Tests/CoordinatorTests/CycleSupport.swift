import EntasTestKit
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

/// A live HTTP client of one service with its token: JSON in, status checked, JSON object out.
struct ServiceClient: Sendable {
    let client: any TestClientProtocol
    let token: String

    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ uri: String, _ body: [String: Any]? = nil, expect status: HTTPResponse.Status = .ok,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> [String: Any] {
        let buffer = body.map { ByteBuffer(data: (try? JSONSerialization.data(withJSONObject: $0)) ?? Data()) }
        let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        return try await client.execute(uri: uri, method: method, headers: headers, body: buffer) { response in
            #expect(response.status == status, "\(method) \(uri): \(String(buffer: response.body))", sourceLocation: sourceLocation)
            return Fixture.object(response.body)
        }
    }

    /// The answer to `GET uri` decoded as `T`.
    func get<T: Decodable>(_ type: T.Type, _ uri: String) async throws -> T {
        try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
            #expect(response.status == .ok, "GET \(uri): \(String(buffer: response.body))")
            return try JSONDecoder().decode(T.self, from: Data(response.body.readableBytesView))
        }
    }

    /// The raw answer to `GET uri`.
    func data(_ uri: String) async throws -> Data {
        try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(token)"]) { Data($0.body.readableBytesView) }
    }
}

/// A cluster service on the embedded broker, on a file in `directory`, with a token.
func clusterService(_ definition: ClusterDefinition, kafka: EmbeddedKafka, in directory: TemporaryFolder) async throws -> (token: String, app: some ApplicationProtocol) {
    let path = directory.path("\(definition.serviceName).sqlite")
    let database = try EntasDatabase.openPool(at: path, migrator: ServiceRuntime.migrator(definition.registerMigrations))
    let (token, _) = try await TokenStore(database, service: definition.serviceName).create(name: "tests")
    try database.close()
    let configuration = ServiceConfiguration(
        serviceName: definition.serviceName, databasePath: path,
        kafka: KafkaSettings(bootstrapServers: kafka.bootstrapServers, clientID: "entas-\(definition.serviceName)", properties: EmbeddedKafka.recommendedClientProperties),
        logLevel: .critical, httpHost: "127.0.0.1", httpPort: 0)
    return (token, try ClusterApplication.build(definition: definition, configuration: configuration, logger: CoordinatorServiceTests.logger))
}

extension TestHousehold {
    /// The registration a cluster service takes for this household.
    func registration(_ baseline: PovertyStatus) -> [String: Any] {
        [
            "kkNumber": kk.rawValue, "headNIK": nik.rawValue, "headName": headName, "address": "Dusun Krajan RT 001 RW 002",
            "desaCode": desa.dotted, "criteriaMet": PovertyCriterion.allCases.prefix(10).map(\.rawValue),
            "baselineStatus": baseline.rawValue, "members": members,
        ]
    }

    /// The head (a woman born 15 July 1985) and her son at SD (born 1 March 2016), so the family counts for PKH.
    var members: [[String: Any]] {
        let kecamatan = String(nik.rawValue.prefix(6))
        return [
            ["nik": nik.rawValue, "name": headName, "relationship": "head", "sex": "female", "birthDate": "1985-07-15"],
            [
                "nik": kecamatan + "010316" + nik.rawValue.suffix(4), "name": "Anak \(headName)", "relationship": "child", "sex": "male",
                "birthDate": "2016-03-01", "schoolLevel": "sd", "inSchool": true,
            ],
        ]
    }
}
