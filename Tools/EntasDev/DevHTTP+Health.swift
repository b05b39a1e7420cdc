extension DevHTTP {
    /// How waiting for a service's `/health` ended.
    public enum HealthWait: Sendable, Equatable {
        /// It answered 200.
        case healthy
        /// Its process is gone.
        case exited
        /// `timeout` passed first.
        case timedOut
    }

    /// Asks `url` (a service's `/health`) every `interval` until it answers 200, `isRunning` says the
    /// process is gone, or `timeout` passes. Each caller turns `exited` and `timedOut` into its own
    /// error, with the log that explains it.
    public static func waitUntilHealthy(
        _ url: String, timeout: Duration, every interval: Duration = .milliseconds(200), isRunning: () -> Bool
    ) async throws -> HealthWait {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard isRunning() else { return .exited }
            if let answer = try? await send("GET", url, timeout: 5), answer.status == 200 { return .healthy }
            try await Task.sleep(for: interval)
        }
        return .timedOut
    }
}
