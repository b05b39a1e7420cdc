extension KafkaConsumer {
    /// The consumer's life: open, closing (leaving the group), closed. Each method decides under
    /// the consumer's lock and returns an action; the consumer performs it outside the lock, so
    /// no librdkafka call (polls wait up to 100 ms, close for a commit) ever holds it.
    ///
    /// Pure: it calls nothing on the client, so its transitions are tested without a broker.
    struct StateMachine: Sendable {
        enum State {
            /// A group member: messages are polled.
            case open(RdKafkaClient)
            /// `close()` began: nothing more is polled; the member commits and leaves.
            case closing(RdKafkaClient)
            /// Left the group. The client stays until the consumer goes, for its offsets and
            /// configuration.
            case closed(RdKafkaClient)
        }

        private(set) var state: State

        init(client: RdKafkaClient) {
            state = .open(client)
        }

        /// The client, whatever the state: offsets can be stored and committed until it goes.
        var client: RdKafkaClient {
            switch state {
            case .open(let client), .closing(let client), .closed(let client): client
            }
        }

        enum PollAction {
            /// Poll this client for a message.
            case poll(RdKafkaClient)
            /// Closing or closed: the message sequence ends.
            case finish
        }

        /// Whether a message may be polled now.
        func pollAllowed() -> PollAction {
            guard case .open(let client) = state else { return .finish }
            return .poll(client)
        }

        enum CloseAction {
            /// First close: commit what was stored and leave the group with this client.
            case leaveGroup(RdKafkaClient)
            /// Already closing or closed: nothing to do.
            case none
        }

        /// Stops polling; only the first call gets the group to leave.
        mutating func close() -> CloseAction {
            guard case .open(let client) = state else { return .none }
            state = .closing(client)
            return .leaveGroup(client)
        }

        /// The member has left the group.
        mutating func leftGroup() {
            state = .closed(client)
        }
    }
}
