import Logging

/// Logging for Entas executables: one bootstrap, at the level the operator chose.
public enum EntasLogging {
    /// Bootstraps swift-log once per process (it traps on a second call): executables only,
    /// never inside code that tests call.
    public static func bootstrap(level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
