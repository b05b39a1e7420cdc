import Foundation

/// A thread of its own for librdkafka's blocking calls (poll, flush, commit, close, admin
/// waits), so that they never hold one of the few threads of Swift's cooperative pool.
///
/// Jobs run one at a time, in order. `stop()` lets queued jobs finish, then ends the thread.
final class BlockingWorker: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var jobs: [@Sendable () -> Void] = []
    private var stopping = false

    init(name: String) {
        let thread = Thread { [self] in self.loop() }
        thread.name = name
        thread.start()
    }

    /// Runs `body` on the worker's thread and returns its result.
    func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let accepted = submit { continuation.resume(returning: body()) }
            if !accepted {
                // The worker is gone (owner shutting down): run inline rather than never resume.
                continuation.resume(returning: body())
            }
        }
    }

    /// Queues a job; false once the worker is stopping.
    @discardableResult
    func submit(_ job: @escaping @Sendable () -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// Lets queued jobs finish, then ends the thread.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            if jobs.isEmpty && stopping {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}
