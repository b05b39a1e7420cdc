import Logging

/// A logger for a test's own parts that prints only what is critical, so test output stays readable.
public func quietLogger(_ label: String) -> Logger {
    var logger = Logger(label: label)
    logger.logLevel = .critical
    return logger
}
