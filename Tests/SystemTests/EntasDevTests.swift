import EntasDev
import Foundation
import Testing
import EntasTestKit

@Suite("The whole system through `entas dev`", .serialized, .timeLimit(.minutes(10)), .english)
struct EntasDevTests {
    @Test(
        "entas dev loads Sumberjambe's PPLS 2008 households with the clusters' commitments and Bappeda's targets, prints the overview in Indonesian, serves the overview and the plan through the API and the CLI, carries a new household to the coordinator within 2 s, and stops every child on SIGINT",
        .language(.indonesian))
    func wholeSystem() async throws {
        let dev = try EntasDevProcess(arguments: ["--demo", "plan"])
        defer { dev.remove() }
        try await dev.waitFor("Melayani sampai Ctrl-C", timeout: .seconds(480))

        // As `make run` prints it, in Indonesian: Sumberjambe's row of the Jember drill-down with PPLS 2008's
        // 12.827 households = 1.485 SM + 5.574 M + 5.768 HM (id-ID thousands), under Indonesian headings.
        let sumberjambeRow = try #require(dev.output.split(separator: "\n").first { $0.hasPrefix("35.09.31 ") }, "\(dev.output.suffix(3_000))")
        let cells = sumberjambeRow.split(separator: " ").map(String.init)
        #expect(cells.contains("12.827") && cells.contains("1.485") && cells.contains("5.574") && cells.contains("5.768"), "\(sumberjambeRow)")
        #expect(dev.output.contains("Ruta") && dev.output.contains("Celah") && dev.output.contains("Jumlah"), "Indonesian headings and total row")
        let tokens = try dev.tokens()
        let coordinator = try #require(tokens["ENTAS_COORDINATOR_URL"])
        let token = try #require(tokens["ENTAS_TOKEN"])

        // The coordinator's API: Sumberjambe's baseline is exactly PPLS 2008's.
        let overviewAnswer = try await DevHTTP.send("GET", coordinator + "/v1/overview?region=35.09&depth=1", token: token)
        let (status, overview) = (overviewAnswer.status, overviewAnswer.object)
        #expect(status == 200)
        let rows = overview["regions"] as? [[String: Any]] ?? []
        let sumberjambe = try #require(rows.first { $0["code"] as? String == "35.09.31" })
        let totals = sumberjambe["totals"] as? [String: Any] ?? [:]
        #expect(totals["households"] as? Int == 12_827)
        #expect(totals["baselineSangatMiskin"] as? Int == 1_485)
        #expect(totals["baselineMiskin"] as? Int == 5_574)
        #expect(totals["baselineHampirMiskin"] as? Int == 5_768)

        // The progress line starts at PPLS 2008's baseline, not at the month the households were imported.
        let progress = try await DevHTTP.send("GET", coordinator + "/v1/progress?region=35.09.31&from=2025-01&to=2025-12", token: token).object
        let months = progress["months"] as? [[String: Any]] ?? []
        #expect(months.count == 12 && months.allSatisfy { $0["sangatMiskin"] as? Int == 1_485 }, "\(months.prefix(2))")

        // The same through the CLI.
        let cli = try await OneShotCommand.outcome(built: "entas", ["overview", "--region", "35.09", "--format", "csv", "--coordinator", coordinator, "--token", token])
        #expect(cli.status == 0)
        #expect(cli.output.contains("35.09.31"))
        #expect(cli.output.contains("12827"))
        #expect(dev.output.contains("Sumberjambe"), "entas dev printed the drill-down")

        // The demo's Jember-only operator: its overview is Kabupaten Jember's, the province is refused with its region named.
        let jember = try #require(tokens["ENTAS_JEMBER_TOKEN"])
        let jemberView = try await OneShotCommand.outcome(built: "entas", ["overview", "--format", "csv", "--coordinator", coordinator, "--token", jember])
        #expect(jemberView.status == 0 && jemberView.output.contains("35.09.31") && !jemberView.output.contains("Jawa Timur"), "\(jemberView.output.prefix(600))")
        let provinceView = try await OneShotCommand.outcome(built: "entas", ["overview", "--region", "35", "--coordinator", coordinator, "--token", jember])
        #expect(provinceView.status != 0 && provinceView.output.contains("Kabupaten Jember (35.09)"), "\(provinceView.output.prefix(600))")
        let dinsosJember = try await DevHTTP.send(
            "GET", try #require(tokens["ENTAS_SOCIAL_AID_URL"]) + "/v1/households?region=35.78&limit=1", token: tokens["ENTAS_SOCIAL_AID_JEMBER_TOKEN"])
        #expect(dinsosJember.status == 403 && dinsosJember.object["code"] as? String == "outside-region")

        // The plan out of the box: the four clusters' commitments for 2025 (Sumberjambe's PKH revised) and 2026
        // (with graduations promised), Bappeda's targets, set against the 1,485 SM households.
        let planAnswer = try await DevHTTP.send("GET", coordinator + "/v1/plan?region=35.09.31&period=2025", token: token)
        let (planStatus, plan) = (planAnswer.status, planAnswer.object)
        #expect(planStatus == 200)
        #expect((plan["need"] as? [String: Any])?["sangatMiskin"] as? Int == 1_485)
        let commitments = plan["commitments"] as? [[String: Any]] ?? []
        #expect(Set(commitments.compactMap { $0["cluster"] as? String }) == ["socialAid", "communityEmpowerment", "enterprise", "lowCost"])
        #expect(commitments.contains { $0["programme"] as? String == "pkh" && $0["revision"] as? Int == 2 }, "Sumberjambe's PKH was revised")
        let short = (plan["shortfall"] as? [String: Any])?["short"] as? Int ?? -1
        #expect((0..<1_485).contains(short), "the commitments cover some of the SM households: \(short) short")
        let next = try await DevHTTP.send("GET", coordinator + "/v1/plan?region=35.09.31&period=2026", token: token).object
        #expect((next["commitments"] as? [[String: Any]] ?? []).contains { ($0["graduations"] as? Int ?? 0) > 0 }, "2026 promises graduations")
        let targets = try await DevHTTP.send("GET", coordinator + "/v1/targets?region=35.09.31&year=2025", token: token).object
        #expect((targets["targets"] as? [[String: Any]])?.first?["smRemaining"] as? Int == 0)
        let planText = try await OneShotCommand.outcome(built: "entas", ["plan", "--region", "35.09.31", "--period", "2025", "--coordinator", coordinator, "--token", token])
        #expect(planText.status == 0)
        #expect(planText.output.contains("Kekurangan SM: 1.485 rumah tangga SM"), "\(planText.output.prefix(1_500))")

        // One more household at social aid reaches the coordinator within 2 seconds.
        let socialAid = try #require(tokens["ENTAS_SOCIAL_AID_URL"])
        let kk = "3509310101990001"  // issued 1 Jan 1999: the demo issues 2000–2024
        let household: [String: Any] = [
            "kkNumber": kk, "headNIK": "3509315507850099", "headName": "Uji Sistem", "address": "Dusun Krajan RT 001 RW 001",
            "desaCode": "35.09.31.2006", "memberCount": 3, "criteriaMet": ["floor_earth_bamboo_or_cheap_wood"], "baselineStatus": "sangatMiskin",
        ]
        let registered = ContinuousClock.now
        let created = try await DevHTTP.send(
            "POST", socialAid + "/v1/households", token: tokens["ENTAS_SOCIAL_AID_TOKEN"], body: DevHTTP.json(object: household)).status
        #expect(created == 201)
        var seen: Duration?
        while ContinuousClock.now - registered < .seconds(10) {
            if try await DevHTTP.send("GET", coordinator + "/v1/households/\(kk)", token: token).status == 200 {
                seen = ContinuousClock.now - registered
                break
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        let latency = try #require(seen, "the household never reached the coordinator")
        #expect(latency < .seconds(2), "took \(latency)")

        // A service's Prometheus metrics carry its outbox backlog, consumer lag and requests.
        let metricsAnswer = try await DevHTTP.send("GET", socialAid + "/metrics")
        let (metricsStatus, metrics) = (metricsAnswer.status, metricsAnswer.text)
        #expect(metricsStatus == 200)
        for name in ["entas_outbox_pending", "entas_consumer_lag", "hb_requests"] {
            #expect(metrics.contains(name), "\(name) missing from /metrics")
        }
        // The coordinator's subscription says how long its two stages worked on the events it applied.
        let coordinatorMetrics = try await DevHTTP.send("GET", coordinator + "/metrics").text
        for name in ["entas_subscription_write_seconds_total", "entas_subscription_decode_seconds_total"] {
            let seconds = coordinatorMetrics.split(separator: "\n").filter { $0.hasPrefix(name + "{") }
                .compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }.reduce(0, +)
            #expect(seconds > 0, "\(name) is \(seconds) after thousands of events applied")
        }

        // SIGINT stops every child.
        let pids = try dev.childPIDs()
        #expect(pids.count == 5)
        let exit = await dev.interruptAndWait()
        #expect(exit == 0, "entas dev ended with \(String(describing: exit)):\n\(dev.output.suffix(2_000))")
        for pid in pids {
            #expect(kill(pid, 0) == -1 && errno == ESRCH, "process \(pid) is still there")
        }
    }

    @Test("a missing executable is reported clearly and entas dev exits non-zero")
    func missingExecutable() async throws {
        let dev = try EntasDevProcess(arguments: ["--demo", "none", "--binaries", "/nonexistent"])
        defer { dev.remove() }
        let status = await dev.child.waitForExit(timeout: .seconds(60))
        #expect(status != nil && status != 0, "entas dev ended with \(String(describing: status))")
        #expect(dev.output.contains("is not in /nonexistent"))
    }

    @Test("a port already in use is named before anything starts, and entas dev exits non-zero")
    func portInUse() async throws {
        let held = try PortHolder()
        // The held port is the fourth service's (entas-umkm): base = held − 3.
        let dev = try EntasDevProcess(arguments: ["--demo", "none"], basePort: held.port - 3)
        defer { dev.remove() }
        let status = await dev.child.waitForExit(timeout: .seconds(60))
        #expect(status != nil && status != 0, "entas dev ended with \(String(describing: status))")
        #expect(dev.output.contains("port \(held.port) on 127.0.0.1, meant for entas-umkm, is in use"), "\(dev.output)")
        #expect(!dev.output.contains("Embedded Kafka"), "nothing starts before the ports are checked")
    }
}
