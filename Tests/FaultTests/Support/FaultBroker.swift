import EntasKafka
import EntasTestKit

/// The broker a fault system runs on: librdkafka's mock cluster in this test process (with the
/// system's librdkafka), or Tansu as a child process (with librdkafka >= 2.2, `make real-broker`).
enum FaultBroker: Sendable {
    case embedded(EmbeddedKafka)
    case tansu(TansuBroker)

    /// The broker column of the fault summary.
    var name: String {
        switch self {
        case .embedded: "mock"
        case .tansu: "tansu"
        }
    }

    var bootstrapServers: String {
        switch self {
        case .embedded(let kafka): kafka.bootstrapServers
        case .tansu(let tansu): tansu.bootstrapServers
        }
    }

    /// Takes the broker away (every mock broker down: connections refused; Tansu frozen with
    /// SIGSTOP: connections open, nothing answers) or brings it back.
    func setUnavailable(_ unavailable: Bool) throws {
        switch self {
        case .embedded(let kafka): try kafka.setAllBrokers(down: unavailable)
        case .tansu(let tansu): unavailable ? tansu.pause() : tansu.resume()
        }
    }

    /// How the outage is named in the summary.
    var outage: String {
        switch self {
        case .embedded: "broker down"
        case .tansu: "broker paused (SIGSTOP)"
        }
    }

    func stop() async {
        switch self {
        case .embedded(let kafka): kafka.stop()
        case .tansu(let tansu): await tansu.stop()
        }
    }
}
