import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// The one `ServiceGroup` of a service process: the application (its HTTP server, and inside it
/// the producer, outbox relay and subscriptions, which it stops in reverse: HTTP first, the
/// producer's flush last), SIGTERM and SIGINT as graceful shutdown, and bounds on both phases so
/// that a stop never hangs.
public enum ServiceShutdown {
    /// How long the parts may take to finish what they hold (the current transaction, delivery
    /// reports, the producer's flush of at most 10 s) after SIGTERM.
    public static let gracefulLimit: Duration = .seconds(20)
    /// How long cancelled parts then get before the group gives up on them. Both together stay
    /// under the 30 s systemd (`TimeoutStopSec`) and Compose (`stop_grace_period`) give.
    public static let cancellationLimit: Duration = .seconds(5)

    /// The group that runs `app` until SIGTERM or SIGINT.
    public static func group(
        running app: some ApplicationProtocol, logger: Logger, signals: [UnixSignal] = [.sigterm, .sigint]
    ) -> ServiceGroup {
        var configuration = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: signals, logger: logger)
        configuration.maximumGracefulShutdownDuration = gracefulLimit
        configuration.maximumCancellationDuration = cancellationLimit
        return ServiceGroup(configuration: configuration)
    }
}
