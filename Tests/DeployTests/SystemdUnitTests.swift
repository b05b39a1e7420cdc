import Foundation
import Testing

/// deploy/systemd: every unit passes `systemd-analyze verify`, is hardened, and fits its
/// service's executable and environment file.
///
/// `verify` insists that ExecStart's program exists, and the units name
/// /usr/local/bin/entas-…, where an installed host has them. The tests verify a copy of each
/// unit whose ExecStart points at the executables this build made instead; nothing else is
/// changed. `verify` reports a misspelt directive or a bad value only as a warning and still
/// exits 0, so a unit passes only when `verify` exits 0 *and* prints nothing; the test
/// "a broken unit fails the check" keeps that rule honest.
@Suite("deploy/systemd")
struct SystemdUnitTests {
    /// Hardening the operations guide promises, as `systemd-analyze security` rates it
    /// (0 is the best, 10 the worst; the units are rated 1.5 with systemd 252).
    static let highestExposure = 2.0

    /// Every unit in deploy/systemd: one per service, and entas-coordinator-rebuild.
    static func unitFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Repository.url("deploy/systemd").path)) ?? []
        return names.filter { $0.hasSuffix(".service") }.sorted().map { "deploy/systemd/\($0)" }
    }

    /// `unit`'s text with ExecStart pointing at the built executables.
    static func unitForVerification(_ text: String) throws -> String {
        text.replacingOccurrences(of: "ExecStart=/usr/local/bin/", with: "ExecStart=\(try BuiltProducts.directory().path)/")
    }

    /// Writes `text` as `name` in a fresh folder and runs `systemd-analyze verify` on it.
    static func verify(_ text: String, named name: String) throws -> CommandResult {
        let analyze = try Command.require("systemd-analyze", debianPackage: "systemd")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entas-units-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let unit = folder.appendingPathComponent(name)
        try text.write(to: unit, atomically: true, encoding: .utf8)
        return try Command.run(analyze, ["verify", "--man=no", unit.path])
    }

    /// The directives of a unit file (`Key=value` lines), in order; a key may repeat.
    static func directives(_ text: String) -> [(key: String, value: String)] {
        text.split(separator: "\n").compactMap { line in
            let line = line.trimmingCharacters(in: .whitespaces)
            guard !line.hasPrefix("#"), !line.hasPrefix("["), let equals = line.firstIndex(of: "=") else { return nil }
            return (String(line[..<equals]), String(line[line.index(after: equals)...]))
        }
    }

    @Test("there is a unit per service, and the coordinator's rebuild")
    func everyService() {
        #expect(Set(Self.unitFiles()) == Set(DeployedService.all.map(\.unitFile) + ["deploy/systemd/entas-coordinator-rebuild.service"]))
    }

    @Test("systemd-analyze verify accepts the unit", arguments: unitFiles())
    func verifies(_ file: String) throws {
        let unit = try Self.unitForVerification(try Repository.text(file))
        let result = try Self.verify(unit, named: (file as NSString).lastPathComponent)
        #expect(result.status == 0 && result.transcript.isEmpty, "systemd-analyze verify \(file):\n\(result.transcript)")
    }

    /// Each mistake must make the check fail, or the check above proves nothing.
    @Test(
        "a broken unit fails the check",
        arguments: [
            ("a misspelt directive", "Restart=on-failure", "Restrat=on-failure"),
            ("a value systemd does not know", "Restart=on-failure", "Restart=sometimes"),
            ("an unknown system call group", "SystemCallFilter=@system-service", "SystemCallFilter=@system-servise"),
            ("a missing program", "ExecStart=/usr/local/bin/entas-social-aid", "ExecStart=/usr/local/bin/entas-no-such-service"),
        ])
    func brokenUnitFails(_ mistake: String, _ original: String, _ broken: String) throws {
        let text = try Repository.text(DeployedService.all[0].unitFile)
        #expect(text.contains(original))
        let unit = try Self.unitForVerification(text.replacingOccurrences(of: original, with: broken))
        let result = try Self.verify(unit, named: "entas-social-aid.service")
        #expect(result.status != 0 || !result.transcript.isEmpty, "\(mistake) passed systemd-analyze verify")
    }

    @Test("the unit is hardened (systemd-analyze security)", arguments: unitFiles())
    func hardened(_ file: String) throws {
        let analyze = try Command.require("systemd-analyze", debianPackage: "systemd")
        let result = try Command.run(
            analyze, ["security", "--offline=yes", "--no-pager", "--threshold=\(Int(Self.highestExposure * 10))", Repository.url(file).path])
        #expect(result.status == 0, "\(file) is rated above \(Self.highestExposure):\n\(result.transcript)")

        let settings = Dictionary(Self.directives(try Repository.text(file)).map { ($0.key, $0.value) }, uniquingKeysWith: { $0 + " " + $1 })
        let required = [
            "NoNewPrivileges": "yes", "ProtectSystem": "strict", "ProtectHome": "yes", "PrivateTmp": "yes",
            "ProtectKernelTunables": "yes", "ProtectKernelModules": "yes", "ProtectKernelLogs": "yes", "ProtectControlGroups": "yes",
            "RestrictAddressFamilies": "AF_INET AF_INET6 AF_UNIX", "SystemCallFilter": "@system-service", "CapabilityBoundingSet": "",
        ]
        for (key, value) in required {
            #expect(settings[key] == value, "\(file): \(key)=\(settings[key] ?? "(unset)"), expected \(key)=\(value)")
        }
    }

    @Test("the unit restarts on failure, stops with SIGTERM, runs as entas with its state directory and env file", arguments: DeployedService.all)
    func serviceSettings(_ service: DeployedService) throws {
        let directives = Self.directives(try Repository.text(service.unitFile))
        let settings = Dictionary(directives.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
        #expect(settings["ExecStart"] == "/usr/local/bin/\(service.executable) serve")
        #expect(settings["Restart"] == "on-failure")
        #expect(settings["KillSignal"] == "SIGTERM")
        #expect(settings["TimeoutStopSec"] != nil)
        #expect(settings["User"] == "entas")
        #expect(settings["StateDirectory"] == "entas/\(service.name)")
        #expect(settings["EnvironmentFile"] == "/etc/entas/\(service.name).env")

        // The example env file exists, and its store is in the unit's state directory.
        let environment = try Repository.text(service.environmentFile)
        let database = try #require(environment.matches(of: #"^ENTAS_DATABASE=(\S+)$"#, options: .anchorsMatchLines).first?[1])
        #expect(database.hasPrefix("/var/lib/entas/\(service.name)/"), "\(service.environmentFile): ENTAS_DATABASE=\(database)")

        if service.name == "coordinator" {
            // The secret is handed over as a credential, where the env file says it is.
            let credential = try #require(settings["LoadCredential"]?.split(separator: ":").first.map(String.init))
            let file = try #require(environment.matches(of: #"^ENTAS_HOUSEHOLD_KEY_SECRET_FILE=(\S+)$"#, options: .anchorsMatchLines).first?[1])
            #expect(file == "/run/credentials/\(service.executable).service/\(credential)")
        }
    }

    @Test("the unit's command is accepted by its executable", arguments: unitFiles())
    func commandIsAccepted(_ file: String) throws {
        let directives = Self.directives(try Repository.text(file))
        let command = try #require(directives.first { $0.key == "ExecStart" }?.value).split(separator: " ").map(String.init)
        let executable = try BuiltProducts.directory().appendingPathComponent((command[0] as NSString).lastPathComponent).path
        let result = try Command.run(executable, Array(command.dropFirst()) + ["--help"])
        #expect(result.status == 0, "\(command.joined(separator: " ")) --help:\n\(result.transcript)")
    }
}
