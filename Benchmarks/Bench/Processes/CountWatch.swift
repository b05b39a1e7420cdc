/// Polls a growing count (events applied, events published, households shown) until it
/// reaches a target, and times it: the rate runs from the first change seen to the last, so
/// the time before anything moved (a group join, a reconnection) is not counted.
struct CountWatch: Sendable {
    /// What is awaited, for the error: "the coordinator applying 1000 events".
    let what: String
    /// The log to look at when it stalls.
    let log: String?
    var interval: Duration = .milliseconds(100)
    /// How long the count may stand still before the wait fails.
    var stall: Duration = .seconds(120)

    /// Waits until `read()` gives at least `target`. `check` runs before each read (to fail
    /// fast when a process has died); `progress` hears the count every ten seconds.
    func wait(
        until target: Int, check: () throws -> Void = {}, read: () async throws -> Int, progress: (Int) -> Void = { _ in }
    ) async throws -> Throughput {
        let clock = ContinuousClock()
        var first: (count: Int, time: ContinuousClock.Instant)?
        var last = (count: try await read(), time: clock.now)
        var lastReport = clock.now
        while last.count < target {
            try check()
            try await Task.sleep(for: interval)
            let count = try await read()
            let now = clock.now
            if count != last.count {
                last = (count, now)
                if first == nil { first = last }
            } else if now - last.time > stall {
                throw BenchError.timedOut(what: "\(what) (\(count) so far, none for \(stall.components.seconds) s)", seconds: Int(stall.components.seconds), log: log)
            }
            if now - lastReport > .seconds(10) {
                progress(count)
                lastReport = now
            }
        }
        guard let first, last.count > first.count else { return Throughput(events: 0, seconds: 0) }
        return Throughput(events: last.count - first.count, seconds: Self.seconds(last.time - first.time))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// Events over seconds.
struct Throughput: Sendable {
    var events: Int
    var seconds: Double
    var perSecond: Double { seconds > 0 ? Double(events) / seconds : 0 }
}
