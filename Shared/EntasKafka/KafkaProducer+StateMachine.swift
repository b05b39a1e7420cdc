extension KafkaProducer {
    /// The producer's life and the client it uses now: running, flushing at shutdown, closed;
    /// the client is replaced after a fatal error. Each method decides under the producer's lock
    /// and returns an action; the producer performs it outside the lock, so no librdkafka call
    /// (some block for seconds) ever holds it.
    ///
    /// Pure: it calls nothing on the client, so its transitions are tested without a broker.
    struct StateMachine: Sendable {
        enum State {
            /// Taking records; the poll thread serves delivery reports.
            case running(RdKafkaClient)
            /// `shutdown()` began: no new records, the poll thread stops, the queue is flushed.
            case flushing(RdKafkaClient)
            /// Shut down. The client stays until the producer goes, for its configuration.
            case closed(RdKafkaClient)
        }

        private(set) var state: State
        /// Restarts after fatal errors, for `/health`.
        private(set) var health = ProducerHealth()

        init(client: RdKafkaClient) {
            state = .running(client)
        }

        /// The client of the moment, whatever the state.
        var client: RdKafkaClient {
            switch state {
            case .running(let client), .flushing(let client), .closed(let client): client
            }
        }

        enum SendAction {
            /// Hand the record to this client.
            case produce(RdKafkaClient)
            /// The producer is shutting down: fail the record unsent.
            case refuse
        }

        /// Whether a record may be handed over now, and to which client.
        func send() -> SendAction {
            guard case .running(let client) = state else { return .refuse }
            return .produce(client)
        }

        enum PollAction {
            /// Serve delivery reports of this client, then ask again.
            case poll(RdKafkaClient)
            /// Shutdown began: leave the poll loop so the flush can run on the worker.
            case stop
        }

        /// What the poll thread does next.
        func poll() -> PollAction {
            guard case .running(let client) = state else { return .stop }
            return .poll(client)
        }

        enum FatalErrorAction {
            /// Ask this client for its fatal error and, if it has one, recreate it.
            case inspect(RdKafkaClient)
            /// Shutting down: a new client would never be used.
            case none
        }

        /// A send failed with what may be a fatal error: whether to look at the client.
        func fatalErrorSuspected() -> FatalErrorAction {
            guard case .running(let client) = state else { return .none }
            return .inspect(client)
        }

        /// Puts `replacement` in the place of `old` after `fatal`, unless another caller already
        /// replaced it. True when this call did (and counted the restart).
        mutating func replace(_ old: RdKafkaClient, with replacement: RdKafkaClient, after fatal: KafkaError) -> Bool {
            guard client === old else { return false }
            switch state {
            case .running: state = .running(replacement)
            case .flushing: state = .flushing(replacement)
            case .closed: state = .closed(replacement)
            }
            health.recordRestart(after: fatal)
            return true
        }

        /// The client could not be recreated after `fatal`: nothing can be sent until the
        /// process restarts, which `/health` shows.
        mutating func restartFailed(after fatal: KafkaError, error: KafkaError) {
            health.recordFailedRestart(after: fatal, error: error)
        }

        enum ShutdownAction {
            /// First shutdown: flush this client's queue (bounded), fail what still waits, stop.
            case flush(RdKafkaClient)
            /// Already shutting down or shut down: nothing to do.
            case none
        }

        /// Stops taking records; only the first call gets the flush to perform.
        mutating func shutdown() -> ShutdownAction {
            guard case .running(let client) = state else { return .none }
            state = .flushing(client)
            return .flush(client)
        }

        /// The flush of `shutdown()` is over.
        mutating func flushed() {
            state = .closed(client)
        }
    }
}
