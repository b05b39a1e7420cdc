import EntasDemo
import EntasDomain
import Foundation
import ServiceLifecycle

/// How much of the demo `entas dev` loads.
public enum DemoContent: String, Sendable, CaseIterable {
    /// The households and the programme cycle (assessments, enrolments, deliveries, referrals, graduations).
    case full
    /// The households, the clusters' commitments and Bappeda's targets: the plan at the start of the
    /// programme year, before anything is done.
    case plan
    /// The PPLS 2008 households only.
    case households
    case none
}

/// `entas dev` as a service: start everything, load the demo, report, then serve until
/// SIGINT or SIGTERM (which stops every child cleanly) or until a child dies (which is
/// reported with its last log lines and ends `entas dev` with an error).
public struct DevRunner: Service {
    let system: DevSystem
    let seed: UInt64
    let demo: DemoContent
    let progress: @Sendable (String) -> Void
    let report: @Sendable (DevSystem) async -> Void

    public init(
        system: DevSystem, seed: UInt64 = DemoPlan.defaultSeed, demo: DemoContent = .full,
        progress: @escaping @Sendable (String) -> Void, report: @escaping @Sendable (DevSystem) async -> Void
    ) {
        self.system = system
        self.seed = seed
        self.demo = demo
        self.progress = progress
        self.report = report
    }

    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                let started = ContinuousClock.now
                try await system.start(progress: progress)
                if demo != .none { _ = try await system.loadDemoIfNeeded(seed: seed, content: demo, progress: progress) }
                try await system.waitForCoordinator(progress: progress)
                progress(Message("dev.ready", .message(DevText.seconds(since: started))).rendered())
                await report(system)
                try await system.watchChildren()
            }
        } catch is CancellationError {
            progress(Message("dev.stopping").rendered())
        } catch {
            await system.stop()
            throw error
        }
        await system.stop()
        progress(Message("dev.stopped").rendered())
    }
}
