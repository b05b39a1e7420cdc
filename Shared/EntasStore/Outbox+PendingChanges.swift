import GRDB
import Synchronization

extension Outbox {
    /// Wake-ups for the relay: one element as soon as the observation is in place, then one after every
    /// commit that changes `outboxMessage` (enqueues, and the relay's own updates and purges).
    ///
    /// Wake-ups that arrive while the relay is busy collapse into one, so the relay's loop is:
    ///
    /// ```swift
    /// for await _ in outbox.pendingChanges() {
    ///     while case let batch = try await outbox.unsentEvents(limit: 100), !batch.isEmpty { … publish … }
    /// }
    /// ```
    ///
    /// The first element comes after the observation is in place, so rows enqueued before or during the
    /// call are never missed. Only commits made through this outbox's `DatabaseWriter` are seen (that is
    /// every write of the service, which opens its file once); a row written by another process on the
    /// same file waits for the next wake-up, so a relay should also look on a slow timer.
    ///
    /// The observation stops when the iterating task is cancelled or stops iterating. The stream finishes
    /// at once, without elements, when the database has no `outboxMessage` table (the shared migrations
    /// have not run; ``unsentEvents(after:limit:)`` then throws the database's own error).
    public func pendingChanges() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let registration = ObservationRegistration()
        continuation.onTermination = { _ in registration.cancel() }
        let observation = DatabaseRegionObservation(tracking: Table(OutboxMessage.databaseTableName))
        let writer = self.writer
        // Starting from the writer's own queue, the observation starts at once, without blocking a thread of
        // the cooperative pool while waiting for write access, and before any later commit.
        writer.asyncWriteWithoutTransaction { db in
            guard (try? db.tableExists(OutboxMessage.databaseTableName)) == true else {
                continuation.finish()
                return
            }
            let cancellable = observation.start(
                in: writer,
                onError: { _ in continuation.finish() },
                onChange: { _ in continuation.yield() })
            registration.hold(cancellable)
            continuation.yield()
        }
        return stream
    }
}

/// Keeps a started observation until the stream ends, or cancels it on arrival if the stream ended first.
private final class ObservationRegistration: Sendable {
    private struct State {
        var cancellable: AnyDatabaseCancellable?
        var isCancelled = false
    }

    private let state = Mutex(State())

    func hold(_ cancellable: AnyDatabaseCancellable) {
        let cancelNow = state.withLock { state in
            if state.isCancelled { return true }
            state.cancellable = cancellable
            return false
        }
        if cancelNow { cancellable.cancel() }
    }

    func cancel() {
        let cancellable = state.withLock { state in
            state.isCancelled = true
            defer { state.cancellable = nil }
            return state.cancellable
        }
        cancellable?.cancel()
    }
}
