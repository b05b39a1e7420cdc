import EntasTestKit
import EntasAPI
import EntasDomain
import EntasKafka
import EntasService
import EntasStore
import Foundation
import HummingbirdTesting
import Testing

@testable import CLI
@testable import Coordinator

@Suite("entas target against a live coordinator", .timeLimit(.minutes(2)), .english)
struct LiveTargetTests {
    @Test("entas target set needs the admin token; entas target list reads with any token")
    func setAndList() async throws {
        try await LiveCoordinator.with(publishing: []) { coordinator in
            let (url, readToken, adminToken) = (coordinator.url, coordinator.readToken, coordinator.adminToken)
            let set = ["target", "set", "--coordinator", url, "--region", "35.09", "--year", "2027", "--sm-remaining", "0", "--social-aid-coverage", "100"]
            func run(_ arguments: [String], environment: [String: String]) async throws -> String {
                let command = try #require(try EntasCommand.parseAsRoot(arguments) as? TargetSetCommand)
                return try await command.output(environment: environment)
            }
            await #expect {
                _ = try await run(set + ["--token", readToken], environment: [:])
            } throws: { error in
                (error as? ServiceAnswerError)?.status == 403 && "\(error)".contains("admin-required") && "\(error)".contains("--role admin")
            }
            let stored = try await run(set + ["--token", adminToken], environment: [:])
            #expect(stored.contains("35.09") && stored.contains("Kab. Jember") && stored.contains("100%") && stored.contains("bappeda-planning"))
            // Without --token, ENTAS_ADMIN_TOKEN wins over ENTAS_TOKEN.
            let options = try CoordinatorOptions.parse(["--coordinator", url])
            let endpoint = try options.endpoint(
                environment: ["ENTAS_TOKEN": readToken, "ENTAS_ADMIN_TOKEN": adminToken], tokenVariables: TargetSetCommand.tokenVariables)
            #expect(endpoint.token == adminToken)

            let listed = try await Live.entas(["target", "list", "--coordinator", url, "--token", readToken, "--region", "35.09.31", "--format", "csv"])
            let rows = listed.split(separator: "\n").map(String.init)
            #expect(rows.first == "year,regionCode,regionName,smRemaining,socialAidCoverage,setBy,setAt")
            #expect(rows.count == 2 && rows[1].hasPrefix("2027,35.09,Kabupaten Jember,0,100,bappeda-planning,"))
        }
    }

    @Test("entas target set checks its arguments before any request")
    func validation() throws {
        let base = ["target", "set", "--token", "t", "--year", "2027"]
        let cases: [([String], String)] = [
            (base + ["--region", "3509.31", "--sm-remaining", "0"], "--region"),
            (base + ["--region", "35.09"], "--sm-remaining"),
            (base + ["--region", "35.09", "--social-aid-coverage", "120"], "0 to 100"),
            (["target", "set", "--token", "t", "--year", "27", "--region", "35.09", "--sm-remaining", "0"], "2000 to 2100"),
        ]
        for (arguments, expected) in cases {
            let message = try #require(ParsingTests.failure(arguments), "\(arguments) must be refused")
            #expect(message.contains(expected), "\(arguments): \(message)")
        }
    }
}
