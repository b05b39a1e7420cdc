import EntasDev
import Foundation

/// Times the coordinator's overview as Bappeda reads it: `GET /v1/overview` (the province by
/// kabupaten/kota, what `entas overview` asks for), one request after the other on a kept-alive
/// connection; and the `entas overview` command itself, process start to exit.
struct OverviewTimer: Sendable {
    let coordinator: ServiceProcess
    /// The `entas` executable.
    let cli: URL
    let folder: URL

    /// `count` requests after ten untimed ones.
    func http(count: Int) async throws -> LatencySample {
        for _ in 0..<10 { _ = try await coordinator.client.expect(200, "GET", "/v1/overview") }
        var sample = LatencySample()
        let clock = ContinuousClock()
        for _ in 0..<count {
            let start = clock.now
            _ = try await coordinator.client.expect(200, "GET", "/v1/overview")
            sample.add(CountWatch.seconds(clock.now - start) * 1_000)
        }
        return sample
    }

    /// `count` runs of `entas overview` after one untimed run.
    func command(count: Int) async throws -> LatencySample {
        let arguments = ["overview", "--coordinator", coordinator.client.baseURL, "--token", coordinator.client.token]
        let log = folder.appendingPathComponent("entas-overview.log")
        _ = try await ChildProcess.output(of: "entas overview", executable: cli, arguments: arguments, log: log)
        var sample = LatencySample()
        let clock = ContinuousClock()
        for _ in 0..<count {
            let start = clock.now
            _ = try await ChildProcess.output(of: "entas overview", executable: cli, arguments: arguments, log: log)
            sample.add(CountWatch.seconds(clock.now - start) * 1_000)
        }
        return sample
    }
}
