import Foundation

extension Process {
    /// Asks the process to stop (SIGINT, as Ctrl-C would); after `timeout`, kills it and waits
    /// for it to go. Returns at once when it is not running.
    public func interruptThenKill(after timeout: Duration = .seconds(10)) async {
        guard isRunning else { return }
        interrupt()
        let deadline = ContinuousClock.now + timeout
        while isRunning && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if isRunning {
            kill(processIdentifier, SIGKILL)
            waitUntilExit()
        }
    }
}
