import EntasTestKit
import EntasDomain
import EntasKafka
import EntasCluster
import EntasService
import EntasStore
import Foundation
import HummingbirdTesting
import Synchronization
import Testing

@testable import CLI

@Suite("entas import against a live cluster service", .timeLimit(.minutes(2)), .english)
struct LiveImportTests {
    /// Seven data rows: five valid (one address with a comma and a line break inside quotes), a
    /// blank line, and two invalid rows. Chunks of two records put them in four requests.
    static let csv = """
        kkNumber,headNIK,headName,address,desaCode,memberCount,criteriaMet,baselineStatus
        3509311203080001,3509315507850001,Siti Aminah,"Dusun Krajan, RT 01",35.09.31.2006,4,1;2;3,SM
        3509311203080002,3509315507850002,Sri Wahyuni,"Dusun Krajan
        RT 02",35.09.31.2006,3,,M

        3509311203080003,3509315507850003,Sumarni,Dusun Krajan RT 03,35.09.31.2001,5,,HM
        35093112030800x4,3509315507850004,Tini,Dusun Krajan RT 04,35.09.31.2001,2,,SM
        3509311203080005,3509315507850005,Wati,Dusun Krajan RT 05,35.09.31.2001,two,,M
        3509311203080006,3509315507850006,Yuli,Dusun Krajan RT 06,35.09.31.2001,1,,SM
        3509311203080007,3509315507850007,Yanti,Dusun Krajan RT 07,35.09.31.2001,6,,SM

        """

    @Test("streams the CSV in chunks; rejected rows keep the file's numbering; a second import changes nothing")
    func importCSV() async throws {
        let kafka = try Live.kafka()
        defer { kafka.stop() }
        let folder = try TemporaryFolder("CLITests")
        defer { folder.remove() }
        let path = folder.path("social-aid.sqlite")
        let file = folder.path("households.csv")
        try Data(Self.csv.utf8).write(to: URL(fileURLWithPath: file))
        let tokens = TokenStore(try EntasDatabase.openPool(at: path, migrator: ServiceRuntime.migrator(ClusterMigrations.register)), service: "social-aid")
        let (token, _) = try await tokens.create(name: "field-team")
        let configuration = ServiceConfiguration(
            serviceName: "social-aid", databasePath: path, kafka: Live.kafkaSettings(kafka, clientID: "entas-social-aid"),
            logLevel: .critical, httpPort: 0)
        let app = try ClusterApplication.build(
            definition: ClusterDefinition(cluster: .socialAid, defaultPort: 0, programmes: []), configuration: configuration, logger: Live.logger)

        try await app.test(.live) { client in
            let port = try #require(client.port)
            let arguments = ["import", file, "--service", "social-aid", "--service-url", "http://127.0.0.1:\(port)", "--token", token, "--chunk-size", "2"]
            let command = try #require(try EntasCommand.parseAsRoot(arguments) as? ImportCommand)
            let progress = ProgressLog()
            let first = try await command.output(environment: [:], progress: progress.record)
            #expect(first.contains("households.csv into social-aid (http://127.0.0.1:\(port)): 7 rows"), "\(first)")
            #expect(first.contains("created    5"), "\(first)")
            #expect(first.contains("rejected   2"), "\(first)")
            // Row 1 is the header; the quoted address spans lines 3–4 but is row 3; row 4 is blank.
            #expect(first.contains("  6  kkNumber"), "\(first)")
            #expect(first.contains("  7  memberCount"), "\(first)")
            #expect(!first.contains("35093112030800x4"))
            #expect(progress.rowsSent.last == 8)
            #expect(progress.rowsSent == progress.rowsSent.sorted())

            let second = try await command.output(environment: [:])
            #expect(second.contains("unchanged  5"), "\(second)")

            // The members file: chunks of two rows, but the three rows of the first household go in one request.
            let members = folder.path("members.csv")
            try Data(Self.membersCSV.utf8).write(to: URL(fileURLWithPath: members))
            let membersCommand = try #require(
                try EntasCommand.parseAsRoot(
                    ["import", members, "--members", "--service", "social-aid", "--service-url", "http://127.0.0.1:\(port)", "--token", token,
                     "--chunk-size", "2"]) as? ImportCommand)
            let listed = try await membersCommand.output(environment: [:])
            #expect(listed.contains("updated    2") && listed.contains("rejected   0"), "\(listed)")
            let household = try await client.execute(
                uri: "/v1/households/3509311203080001", method: .get, headers: [.authorization: "Bearer \(token)"]
            ) { ((try? JSONSerialization.jsonObject(with: Data($0.body.readableBytesView))) as? [String: Any]) ?? [:] }
            #expect((household["members"] as? [Any])?.count == 3 && household["memberCount"] as? Int == 3, "\(household)")
        }
    }

    /// Two households' members: three rows (a name with a comma, quoted) and two rows.
    static let membersCSV = """
        kkNumber,nik,name,relationship,sex,birthDate,schoolLevel,inSchool,pregnantOrNursing,severeDisability
        3509311203080001,3509315507850001,Siti Aminah,Kepala Keluarga,P,1985-07-15,,,,
        3509311203080001,3509310101150001,"Budi, anak",Anak,L,2015-01-01,sd,ya,,
        3509311203080001,3509314202180001,Ani,Anak,P,2018-02-02,,,,
        3509311203080002,3509315507850002,Sri Wahyuni,head,female,1985-07-15,,,,
        3509311203080002,3509310303160002,Agus,child,male,2016-03-03,sd,1,,

        """

    @Test("a header without the required columns prints the service's problem detail")
    func badHeader() async throws {
        let kafka = try Live.kafka()
        defer { kafka.stop() }
        let folder = try TemporaryFolder("CLITests")
        defer { folder.remove() }
        let path = folder.path("umkm.sqlite")
        let file = folder.path("bad.csv")
        try Data("kk,name\n1,a\n".utf8).write(to: URL(fileURLWithPath: file))
        let tokens = TokenStore(try EntasDatabase.openPool(at: path, migrator: ServiceRuntime.migrator(ClusterMigrations.register)), service: "umkm")
        let (token, _) = try await tokens.create(name: "koperasi")
        let configuration = ServiceConfiguration(
            serviceName: "umkm", databasePath: path, kafka: Live.kafkaSettings(kafka, clientID: "entas-umkm"), logLevel: .critical, httpPort: 0)
        let app = try ClusterApplication.build(
            definition: ClusterDefinition(cluster: .enterprise, defaultPort: 0, programmes: []), configuration: configuration, logger: Live.logger)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let command = try #require(
                try EntasCommand.parseAsRoot(["import", file, "--service", "umkm", "--service-url", "http://127.0.0.1:\(port)", "--token", token])
                    as? ImportCommand)
            await #expect {
                _ = try await command.output(environment: [:])
            } throws: { error in
                "\(error)".hasPrefix("The umkm service answered 400 malformed-body") && "\(error)".contains("kkNumber")
            }
        }
    }
}

/// The progress reports an import made.
final class ProgressLog: Sendable {
    private let reports = Mutex<[ImportUploader.Progress]>([])

    func record(_ progress: ImportUploader.Progress) { reports.withLock { $0.append(progress) } }

    var rowsSent: [Int] { reports.withLock { $0.map(\.rowsSent) } }
}
