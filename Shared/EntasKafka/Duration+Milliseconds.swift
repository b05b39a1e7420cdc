extension Duration {
    /// This duration as librdkafka's `int` timeout in milliseconds: the sub-second part kept and
    /// rounded up (so a positive duration never becomes 0, which means "do not wait"), anything
    /// below zero as 0, and anything beyond `Int32.max` milliseconds (24.8 days) clamped to it.
    var kafkaMilliseconds: Int32 {
        let (seconds, attoseconds) = components
        guard seconds >= 0, seconds > 0 || attoseconds > 0 else { return 0 }
        let attosecondsPerMillisecond: Int64 = 1_000_000_000_000_000
        let fraction = (attoseconds + attosecondsPerMillisecond - 1) / attosecondsPerMillisecond
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return .max }
        return Int32(clamping: whole.addingReportingOverflow(fraction).overflow ? Int64.max : whole + fraction)
    }
}
