import Synchronization

/// Where delivery reports land: each produced record's id maps to the batch waiting for it.
final class DeliveryTable: Sendable {
    private struct State {
        var nextID: UInt = 1
        var waiting: [UInt: (batch: DeliveryBatch, index: Int)] = [:]
    }
    private let state = Mutex(State())

    func register(_ batch: DeliveryBatch, index: Int) -> UInt {
        state.withLock { state in
            let id = state.nextID
            state.nextID = state.nextID == UInt.max ? 1 : state.nextID + 1
            state.waiting[id] = (batch, index)
            return id
        }
    }

    func complete(_ id: UInt, with result: Result<DeliveryReport, KafkaError>) {
        guard let entry = state.withLock({ $0.waiting.removeValue(forKey: id) }) else { return }
        entry.batch.complete(entry.index, with: result)
    }

    /// Takes back a registration whose record librdkafka did not take (queue full).
    func withdraw(_ id: UInt) {
        state.withLock { _ = $0.waiting.removeValue(forKey: id) }
    }

    /// Fails every waiting record (after a bounded flush on shutdown).
    func failAll(with error: KafkaError) {
        let all = state.withLock { state in
            let all = state.waiting
            state.waiting = [:]
            return all
        }
        for entry in all.values { entry.batch.complete(entry.index, with: .failure(error)) }
    }
}

/// The delivery results of one `send` call, in the order its records were given.
final class DeliveryBatch: Sendable {
    private struct State {
        var results: [Result<DeliveryReport, KafkaError>?]
        var remaining: Int
        var continuation: CheckedContinuation<[Result<DeliveryReport, KafkaError>], Never>?
    }
    private let state: Mutex<State>

    init(count: Int) {
        state = Mutex(State(results: Array(repeating: nil, count: count), remaining: count))
    }

    func complete(_ index: Int, with result: Result<DeliveryReport, KafkaError>) {
        let finished: (CheckedContinuation<[Result<DeliveryReport, KafkaError>], Never>, [Result<DeliveryReport, KafkaError>])? =
            state.withLock { state in
                guard state.results[index] == nil else { return nil }
                state.results[index] = result
                state.remaining -= 1
                guard state.remaining == 0, let continuation = state.continuation else { return nil }
                state.continuation = nil
                return (continuation, state.results.compactMap { $0 })
            }
        if let (continuation, results) = finished { continuation.resume(returning: results) }
    }

    /// Waits until every record has its result.
    func results() async -> [Result<DeliveryReport, KafkaError>] {
        await withCheckedContinuation { continuation in
            let done: [Result<DeliveryReport, KafkaError>]? = state.withLock { state in
                if state.remaining == 0 { return state.results.compactMap { $0 } }
                state.continuation = continuation
                return nil
            }
            if let done { continuation.resume(returning: done) }
        }
    }
}

/// Where the broker stored a message.
public struct DeliveryReport: Sendable, Hashable {
    public var topic: String
    public var partition: Int32
    public var offset: Int64
}
