import EntasTestKit
import EntasDomain
import EntasKafka
import EntasService
import EntasStore
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import Coordinator

/// The dashboard tests' data, deterministic and known by construction: Kecamatan Sumberjambe's PPLS 2008
/// households (1,485 SM, 5,574 M, 5,768 HM, as in the Entas demo) over its nine desa, and 1,460 households
/// in Bondowoso, Sampang and Surabaya; then, in 2027, what the clusters do for them by a fixed rule on each
/// household's place in its status list (see ``plan(_:index:)``), with the counts each rule gives tallied.
struct DashboardFixture {
    /// A kecamatan and its households with baseline SM, M and HM.
    static let places: [(kecamatan: String, counts: [Int])] = [
        ("35.09.31", [1_485, 5_574, 5_768]),  // Sumberjambe, Kabupaten Jember
        ("35.11.03", [68, 218, 234]),  // Tlogosari, Kabupaten Bondowoso
        ("35.27.05", [128, 288, 224]),  // Omben, Kabupaten Sampang
        ("35.78.16", [24, 111, 165]),  // Semampir, Kota Surabaya
    ]

    /// What the rules make of a kecamatan: the overview's counters, tallied while the events are written.
    struct Tally: Equatable {
        var households = 0
        var sangatMiskin = 0
        var miskin = 0
        var hampirMiskin = 0
        var graduated = 0
        var baseline = [0, 0, 0]
        var gaps = 0
        var conflicts = 0
        var coveredSocialAid = 0
    }

    private(set) var script = EventScript()
    /// By kecamatan code (dotted).
    private(set) var tallies: [String: Tally] = [:]
    /// Some households' raw KK, to check that no page shows one.
    private(set) var sampleKKs: [String] = []

    var events: [EventEnvelope] { script.events }

    static func make() throws -> DashboardFixture {
        var fixture = DashboardFixture()
        var households: [(TestHousehold, PovertyStatus, Int)] = []
        for (number, place) in places.enumerated() {
            let kecamatan = try RegionCode(place.kecamatan)
            let desa = RegionReference.eastJava.children(of: kecamatan).map(\.code)
            var tally = Tally()
            var sequence = 0
            for (statusIndex, status) in [PovertyStatus.sangatMiskin, .miskin, .hampirMiskin].enumerated() {
                for index in 0..<place.counts[statusIndex] {
                    let household = try TestHousehold(
                        kecamatan: kecamatan, sequence: sequence, desa: desa[sequence % desa.count], headNumber: number)
                    sequence += 1
                    try fixture.script.register(household, baseline: status)
                    tally.households += 1
                    tally.baseline[statusIndex] += 1
                    households.append((household, status, index))
                    if sequence % 2_000 == 1 { fixture.sampleKKs.append(household.kk.rawValue) }
                }
            }
            fixture.tallies[place.kecamatan] = tally
        }
        for (household, status, index) in households {
            let outcome = try fixture.plan(household, status: status, index: index)
            let code = String(household.kk.rawValue.prefix(6))
            let key = "\(code.prefix(2)).\(code.dropFirst(2).prefix(2)).\(code.suffix(2))"
            fixture.tallies[key, default: Tally()].add(outcome, baseline: status)
        }
        return fixture
    }

    /// What became of one household.
    struct Outcome {
        var consensus: PovertyStatus
        var conflict = false
        var socialAid = false
        var anyCluster = false
    }

    /// The rule: by status and the household's place `index` in its kecamatan's list of that status.
    ///
    /// SM, by index mod 6: 0 social aid (PKH) with a delivery, then graduated by social aid (March–December);
    /// 1 assessed SM by social aid and M by community empowerment (a conflict; the tie goes to SM), no
    /// enrolment; 2 PKH with a delivery and a community group; 3 PKH with a delivery; 4 only a low-cost
    /// programme (RTLH); 5 nothing. M, by index mod 4: 0 PKH with a delivery; 1 assessed M by social aid and
    /// HM by enterprise (a conflict; M) and enrolled in KUR; 2 nothing; 3 PKH without a delivery. HM: every
    /// fifth cheap electricity, the others nothing.
    private mutating func plan(_ household: TestHousehold, status: PovertyStatus, index: Int) throws -> Outcome {
        var outcome = Outcome(consensus: status)
        func pkh(_ day: String, deliver: Bool, rupiah: Int64 = 750_000) throws {
            let enrolment = try script.enrol(household, in: .socialAid, programme: "pkh", strategy: .socialProtection, on: day)
            if deliver {
                try script.deliver(household, enrolment: enrolment, by: .socialAid, programme: "pkh", rupiah: rupiah, on: "2027-03-20")
            }
            outcome.socialAid = true
            outcome.anyCluster = true
        }
        switch status {
        case .sangatMiskin:
            switch index % 6 {
            case 0:
                try pkh("2027-02-01", deliver: true)
                let month = 3 + (index / 6) % 10
                try script.graduate(household, by: .socialAid, on: "2027-\(month < 10 ? "0" : "")\(month)-15")
                outcome.consensus = .graduated
            case 1:
                try script.assess(household, .sangatMiskin, by: .socialAid, on: "2027-02-10", criteria: 12)
                try script.assess(household, .miskin, by: .communityEmpowerment, on: "2027-02-12", criteria: 10)
                outcome.conflict = true
            case 2:
                try pkh("2027-02-01", deliver: true)
                try script.enrol(household, in: .communityEmpowerment, programme: "kube", strategy: .communityEmpowerment, on: "2027-02-05")
            case 3:
                try pkh("2027-02-01", deliver: true)
            case 4:
                try script.enrol(household, in: .lowCost, programme: "rtlh", strategy: .basicServices, on: "2027-04-01")
                outcome.anyCluster = true
            default:
                break
            }
        case .miskin:
            switch index % 4 {
            case 0:
                try pkh("2027-02-01", deliver: true, rupiah: 500_000)
            case 1:
                try script.assess(household, .miskin, by: .socialAid, on: "2027-02-10", criteria: 10)
                try script.assess(household, .hampirMiskin, by: .enterprise, on: "2027-02-14", criteria: 7)
                try script.enrol(household, in: .enterprise, programme: "kur", strategy: .inclusiveDevelopment, on: "2027-03-01")
                outcome.conflict = true
                outcome.anyCluster = true
            case 3:
                try pkh("2027-02-01", deliver: false)
            default:
                break
            }
        default:
            if index % 5 == 0 {
                try script.enrol(household, in: .lowCost, programme: "listrik-murah", strategy: .basicServices, on: "2027-05-01")
                outcome.anyCluster = true
            }
        }
        return outcome
    }
}

extension DashboardFixture.Tally {
    mutating func add(_ outcome: DashboardFixture.Outcome, baseline: PovertyStatus) {
        switch outcome.consensus {
        case .sangatMiskin: sangatMiskin += 1
        case .miskin: miskin += 1
        case .hampirMiskin: hampirMiskin += 1
        case .graduated: graduated += 1
        case .tidakMiskin: break
        }
        if outcome.conflict { conflicts += 1 }
        if outcome.socialAid { coveredSocialAid += 1 }
        if (outcome.consensus == .sangatMiskin || outcome.consensus == .miskin) && !outcome.socialAid { gaps += 1 }
    }

    static func + (lhs: Self, rhs: Self) -> Self {
        var sum = lhs
        sum.households += rhs.households
        sum.sangatMiskin += rhs.sangatMiskin
        sum.miskin += rhs.miskin
        sum.hampirMiskin += rhs.hampirMiskin
        sum.graduated += rhs.graduated
        sum.baseline = zip(lhs.baseline, rhs.baseline).map { $0 + $1 }
        sum.gaps += rhs.gaps
        sum.conflicts += rhs.conflicts
        sum.coveredSocialAid += rhs.coveredSocialAid
        return sum
    }
}

extension TestHousehold {
    /// Household `sequence` of `kecamatan` (up to 999,999 per kecamatan), living in `desa`.
    init(kecamatan: RegionCode, sequence: Int, desa: RegionCode, headNumber: Int) throws {
        let prefix = kecamatan.digits
        let digits = String(sequence)
        kk = try KKNumber(prefix + "1203" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits)
        let nikSequence = String(sequence % 9_999 + 1)
        nik = try NIK(prefix + "5507" + String(60 + sequence / 9_999 % 40) + String(repeating: "0", count: 4 - nikSequence.count) + nikSequence)
        headName = "Ibu Fixture \(headNumber)"
        self.desa = desa
    }
}

/// A coordinator over the embedded broker with `events` published and applied, served on loopback, and a
/// coordinator token; what the dashboard tests share.
enum DashboardHarness {
    static var logger: Logger { quietLogger("entas.coordinator.dashboard-tests") }

    /// Runs `body` with a live client of a coordinator that has applied `events`, its port and a token.
    static func withCoordinator<Value: Sendable>(
        events: [EventEnvelope], waitForZeroLag: Bool = false,
        _ body: @Sendable (any TestClientProtocol, _ port: Int, _ token: String, _ tokens: TokenStore) async throws -> Value
    ) async throws -> Value {
        // The embedded broker keeps a few megabytes per partition and drops the oldest beyond that: enough
        // partitions that the fixture's households (about 10 MB of events) all stay until they are read.
        return try await TestCoordinator.with(partitions: 8) { coordinator in
            let token = try await coordinator.token()
            let tokens = coordinator.tokens
            try await publish(events, to: coordinator.kafka)
            let app = try coordinator.application()
            return try await app.test(.live) { client in
                let headers: HTTPFields = [.authorization: "Bearer \(token)"]
                try await eventually("every event is applied", timeout: .seconds(240)) {
                    let body = try await client.execute(uri: "/v1/freshness", method: .get, headers: headers).body
                    return Fixture.object(body)["eventsApplied"] as? Int == events.count
                }
                if waitForZeroLag {
                    try await eventually("the committed lag reaches 0") {
                        let report = Fixture.object(try await client.execute(uri: "/v1/freshness", method: .get, headers: headers).body)
                        return report["totalLag"] as? Int == 0 && (report["partitions"] as? [Any])?.isEmpty == false
                    }
                }
                let port = try #require(client.port)
                return try await body(client, port, token, tokens)
            }
        }
    }

    /// Publishes in batches through one producer, as the clusters' outbox relays do.
    static func publish(_ events: [EventEnvelope], to kafka: EmbeddedKafka) async throws {
        let producer = try KafkaProducer(settings: KafkaSettings(bootstrapServers: kafka.bootstrapServers), logger: logger)
        var messages: [KafkaOutgoingMessage] = []
        messages.reserveCapacity(events.count)
        for event in events {
            let encoded = try event.encoded()
            messages.append(
                KafkaOutgoingMessage(
                    topic: encoded.topic, key: encoded.key,
                    headers: encoded.headers.map { KafkaHeader(name: $0.key, string: $0.value) }, value: encoded.value))
        }
        var start = 0
        while start < messages.count {
            let end = min(start + 5_000, messages.count)
            for result in await producer.send(batch: Array(messages[start..<end])) { _ = try result.get() }
            start = end
        }
        await producer.shutdown()
    }
}

/// Debian's headless Chromium, driven from the command line with its own profile folder, so that the
/// session cookie it receives when it signs in is sent with every later page it loads.
///
/// Signing in: Chromium opens a local file holding a form that posts the token to `/login` and submits
/// itself (the only script anywhere, and it lives in the test's temporary folder, not in the dashboard);
/// the coordinator answers with the session cookie. That post comes from a `file:` page, another site, so
/// the SameSite=Strict cookie is stored but not sent on the redirect that follows, exactly as a browser
/// must; every page loaded afterwards by address is same-site and carries it.
struct Chromium {
    let executable: URL
    let profile: URL
    let scratch: URL
    /// The browser's language (`--lang`), which it sends as `Accept-Language`.
    let language: String

    /// Chromium from PATH (`chromium`, as Debian installs it), in `language`.
    init(scratch: URL, language: String = "en-US") throws {
        self.language = language
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").flatMap { directory in
            ["chromium", "chromium-browser"].map { URL(fileURLWithPath: String(directory)).appendingPathComponent($0) }
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ChromiumMissing()
        }
        executable = found
        self.scratch = scratch
        profile = scratch.appendingPathComponent("chromium-profile", isDirectory: true)
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
    }

    struct ChromiumMissing: Error, CustomStringConvertible {
        var description: String {
            "Chromium is not installed (no `chromium` on PATH): run `make setup-test`, which installs Debian's chromium package (`make test` does it first)."
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Signs in at `base` with `token` through the login form, as a user's browser would post it.
    func signIn(at base: String, token: String) async throws -> String {
        let form = scratch.appendingPathComponent("sign-in.html")
        let html = """
            <!DOCTYPE html><title>sign in</title>
            <form method="post" action="\(base)/login"><input type="hidden" name="token" value="\(token)">\
            <input type="hidden" name="next" value="/"></form><script>document.forms[0].submit()</script>
            """
        try Data(html.utf8).write(to: form, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: form.path)
        defer { try? FileManager.default.removeItem(at: form) }
        return try await dumpDOM(form.absoluteString)
    }

    /// The page's DOM after it loaded, serialised.
    func dumpDOM(_ url: String) async throws -> String {
        try await run(["--dump-dom", url])
    }

    /// A PNG of the page at `width` × `height` CSS pixels.
    func screenshot(_ url: String, to file: URL, width: Int, height: Int) async throws {
        try? FileManager.default.removeItem(at: file)
        _ = try await run(["--screenshot=\(file.path)", "--window-size=\(width),\(height)", url])
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw Failure(description: "Chromium wrote no screenshot for \(url)")
        }
    }

    private func run(_ arguments: [String], timeout: Duration = .seconds(60)) async throws -> String {
        let output = scratch.appendingPathComponent("chromium-\(UUID().uuidString).out")
        let log = scratch.appendingPathComponent("chromium.log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = executable
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=\(profile.path)",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--lang=\(language)", "--accept-lang=\(language)",
            ] + arguments
        let outputHandle = try FileHandle(forWritingTo: output)
        let logHandle = try FileHandle(forWritingTo: log)
        try logHandle.seekToEnd()
        process.standardOutput = outputHandle
        process.standardError = logHandle
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                throw Failure(description: "Chromium did not finish within \(timeout): \(arguments.last ?? "")")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        try outputHandle.close()
        try logHandle.close()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "Chromium exited with \(process.terminationStatus) for \(arguments.last ?? ""); see \(log.path)")
        }
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    }
}

/// Reading a dumped DOM: the text of a table row's cells, and of an element by id.
enum DOM {
    /// The text of each cell (`th` and `td`) of the first `<tr …>` whose start tag holds `marker`.
    static func cells(ofRowMarked marker: String, in html: String) -> [String] {
        guard let start = html.range(of: "<tr \(marker)"),
            let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex)
        else { return [] }
        return html[start.upperBound..<end.lowerBound].matches(of: /<t[dh][^>]*>(.*?)<\/t[dh]>/).map { text(String($0.output.1)) }
    }

    /// The text of the element with `id` (up to the first end tag of its kind).
    static func text(ofID id: String, in html: String) -> String? {
        guard let attribute = html.range(of: "id=\"\(id)\""),
            let open = html.range(of: "<", options: .backwards, range: html.startIndex..<attribute.lowerBound)
        else { return nil }
        let name = html[open.upperBound...].prefix { $0.isLetter || $0.isNumber }
        guard let startEnd = html.range(of: ">", range: attribute.upperBound..<html.endIndex),
            let close = html.range(of: "</\(name)>", range: startEnd.upperBound..<html.endIndex)
        else { return nil }
        return text(String(html[startEnd.upperBound..<close.lowerBound]))
    }

    /// `html` without tags, whitespace collapsed.
    static func text(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// True when `html` holds a run of 16 digits (a raw KK or NIK).
    static func containsSixteenDigits(_ html: String) -> Bool {
        var run = 0
        for byte in html.utf8 {
            run = (byte >= 0x30 && byte <= 0x39) ? run + 1 : 0
            if run >= 16 { return true }
        }
        return false
    }
}
