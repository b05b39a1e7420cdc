import ArgumentParser
import Foundation
import Testing

@testable import CLI
import EntasTestKit

@Suite("Parsing the command line", .english)
struct ParsingTests {
    /// The message ArgumentParser would print for `arguments`, or nil when they parse.
    static func failure(_ arguments: [String]) -> String? {
        do {
            _ = try EntasCommand.parseAsRoot(arguments)
            return nil
        } catch {
            return EntasCommand.message(for: error)
        }
    }

    @Test("an overview parses into typed options")
    func overview() throws {
        let command = try EntasCommand.parseAsRoot(
            ["overview", "--region", "35.09.31", "--depth", "1", "--format", "csv", "--wide", "--token", "t", "--coordinator", "http://10.0.0.5:8080"])
        let overview = try #require(command as? OverviewCommand)
        #expect(try overview.region.codeOrProvince().dotted == "35.09.31")
        #expect(overview.coordinator.format == .csv)
        #expect(overview.wide)
        let endpoint = try overview.coordinator.endpoint(environment: [:])
        #expect(endpoint.baseURL.absoluteString == "http://10.0.0.5:8080")
        #expect(endpoint.token == "t")
    }

    @Test("a malformed region code fails in validate() with the expected format", arguments: ["99.1", "3509x", "35.9", "35.09.31.20"])
    func badRegion(code: String) throws {
        let message = try #require(Self.failure(["overview", "--region", code, "--token", "t"]))
        #expect(message.contains("--region"))
        #expect(message.contains("35.09.31"), "names the expected format: \(message)")
    }

    @Test("a region outside the reference is refused before any request")
    func unknownRegion() throws {
        let message = try #require(Self.failure(["gaps", "--region", "35.99", "--token", "t"]))
        #expect(message.contains("35.99") && message.contains("not in the Kemendagri reference"))
    }

    @Test("a region code is checked even when no token is set")
    func regionBeforeToken() throws {
        let message = try #require(Self.failure(["overview", "--region", "99"]))
        #expect(message.contains("--region"))
    }

    @Test("an unknown format lists the formats")
    func badFormat() throws {
        let message = try #require(Self.failure(["overview", "--format", "xml", "--token", "t"]))
        #expect(message.contains("table") && message.contains("json") && message.contains("csv"))
    }

    @Test("a depth outside the region's levels is refused", arguments: [
        (["--depth", "0"], "from 1 to 3"), (["--depth", "4"], "from 1 to 3"),
        (["--region", "35.09", "--depth", "3"], "from 1 to 2"), (["--region", "35.09.31.2006"], "is a desa"),
    ])
    func badDepth(arguments: [String], expected: String) throws {
        let message = try #require(Self.failure(["overview", "--token", "t"] + arguments))
        #expect(message.contains(expected), "\(message)")
    }

    @Test("a depth that is not a number is refused")
    func depthNotNumber() throws {
        let message = try #require(Self.failure(["overview", "--depth", "two", "--token", "t"]))
        #expect(message.contains("--depth"))
    }

    @Test("without a token the message says how to get one")
    func missingToken() throws {
        let options = try CoordinatorOptions.parse([])
        #expect(throws: MissingTokenError.self) { try options.endpoint(environment: [:]) }
        do {
            _ = try options.endpoint(environment: [:])
        } catch {
            let text = "\(error)"
            #expect(text.contains("--token") && text.contains("ENTAS_TOKEN"))
            #expect(text.contains("entas-coordinator token create --name"))
        }
        #expect(try options.endpoint(environment: ["ENTAS_TOKEN": "from-env"]).token == "from-env")
    }

    @Test("parsing without a token fails with that message", .enabled(if: ProcessInfo.processInfo.environment["ENTAS_TOKEN"] == nil))
    func missingTokenParsed() throws {
        let message = try #require(Self.failure(["overview"]))
        #expect(message.contains("entas-coordinator token create --name"))
    }

    @Test("the coordinator URL comes from the flag, then ENTAS_COORDINATOR_URL, then the default")
    func coordinatorURL() throws {
        let none = try CoordinatorOptions.parse(["--token", "t"])
        #expect(try none.endpoint(environment: [:]).baseURL.absoluteString == "http://127.0.0.1:8080")
        #expect(try none.endpoint(environment: ["ENTAS_COORDINATOR_URL": "http://c:9"]).baseURL.absoluteString == "http://c:9")
        let flag = try CoordinatorOptions.parse(["--token", "t", "--coordinator", "https://entas.jatimprov.go.id"])
        #expect(try flag.endpoint(environment: ["ENTAS_COORDINATOR_URL": "http://c:9"]).baseURL.host == "entas.jatimprov.go.id")
        let bad = try CoordinatorOptions.parse(["--token", "t", "--coordinator", "localhost:8080"])
        #expect(throws: InvalidURLError.self) { try bad.endpoint(environment: [:]) }
    }

    @Test("gaps take a cluster by service name and a status by abbreviation")
    func gapsFilters() throws {
        let gaps = try #require(try EntasCommand.parseAsRoot(["gaps", "--cluster", "umkm", "--status", "sm", "--token", "t"]) as? GapsCommand)
        #expect(gaps.cluster == .enterprise)
        #expect(gaps.status == .sangatMiskin)
        #expect(Self.failure(["gaps", "--limit", "5000", "--token", "t"])?.contains("--limit") == true)
    }

    @Test("a malformed month is refused with the format")
    func badMonth() throws {
        #expect(Self.failure(["progress", "--from", "2027-13", "--token", "t"])?.contains("YYYY-MM") == true)
        #expect(Self.failure(["progress", "--from", "2027-05", "--to", "2027-01", "--token", "t"])?.contains("after") == true)
    }

    @Test("a malformed KK never appears in full in the message")
    func badKK() throws {
        let message = try #require(Self.failure(["household", "35093112030800019", "--token", "t"]))
        #expect(message.contains("16 digits"))
        #expect(!message.contains("35093112030800019"))
    }

    @Test("watch refuses unknown event types and takes names or ce_types")
    func watchTypes() throws {
        let message = try #require(Self.failure(["watch", "--type", "household.exploded", "--kafka-bootstrap-servers", "k:9092"]))
        #expect(message.contains("household.registered"))
        let watch = try #require(
            try EntasCommand.parseAsRoot([
                "watch", "--type", "household.registered,id.go.jatim.entas.enrolment.started.v1", "--region", "35.09",
                "--kafka-bootstrap-servers", "k:9092", "--kafka", "security.protocol=SASL_SSL",
            ]) as? WatchCommand)
        let filter = try watch.filter()
        #expect(filter.typeNames == ["household.registered", "enrolment.started"])
        #expect(filter.region?.dotted == "35.09")
        let settings = try watch.consumerSettings(environment: [:])
        #expect(settings.startFrom == .latest)
        #expect(settings.groupID.hasPrefix("entas-watch-"))
        #expect(settings.kafka.properties["security.protocol"] == "SASL_SSL")
        #expect(try watch.consumerSettings(environment: [:]).groupID != settings.groupID, "a group of its own each time")
    }

    @Test("import finds the service's URL and token in its own variables")
    func importTarget() throws {
        let command = try #require(try EntasCommand.parseAsRoot(["import", "a.csv", "--service", "low-cost", "--token", "t"]) as? ImportCommand)
        #expect(try command.endpoint(environment: [:]).baseURL.absoluteString == "http://127.0.0.1:8084")
        let fromEnvironment = try ImportTarget.endpoint(
            .socialAid, url: nil, token: nil, environment: ["ENTAS_SOCIAL_AID_URL": "http://sa:1", "ENTAS_SOCIAL_AID_TOKEN": "s"])
        #expect(fromEnvironment.baseURL.absoluteString == "http://sa:1" && fromEnvironment.token == "s")
        do {
            _ = try ImportTarget.endpoint(.enterprise, url: nil, token: nil, environment: [:])
            Issue.record("a missing token must fail")
        } catch {
            #expect("\(error)".contains("ENTAS_UMKM_TOKEN") && "\(error)".contains("entas-umkm token create --name"))
        }
    }

    @Test("the root lists the read commands, the cycle's commands, then watch and import")
    func subcommands() {
        let names = EntasCommand.configuration.subcommands.map { $0._commandName }
        #expect(names.prefix(12) == ["overview", "gaps", "conflicts", "cases", "household", "progress", "strategies", "plan", "evaluate", "target", "watch", "import"])
    }
}
