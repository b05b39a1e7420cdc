import Foundation

/// The service did not answer at all: nothing listens at the URL, or the connection failed.
struct ServiceUnreachableError: Error, Sendable, CustomStringConvertible {
    var serviceName: String
    var url: String
    var setting: String
    /// What the transport said (connection refused, timed out, …).
    var reason: String

    var description: String {
        let start: String
        if serviceName == "coordinator" {
            start = "Start the whole system with `make run`, or the coordinator alone with "
                + "`KAFKA_BOOTSTRAP_SERVERS=host:port entas-coordinator`"
        } else {
            start = "Start the whole system with `make run`, or this service alone with "
                + "`KAFKA_BOOTSTRAP_SERVERS=host:port entas-\(serviceName)`"
        }
        return "Cannot reach the \(ServiceNames.display(serviceName)) at \(url) (\(reason)). \(start); or point entas at the right address with \(setting)."
    }
}

/// The service answered 4xx or 5xx; `problem` is its RFC 9457 problem document, when it sent one.
struct ServiceAnswerError: Error, Sendable, CustomStringConvertible {
    var serviceName: String
    var status: Int
    var problem: ProblemBody?
    /// The start of the body, when it was not a problem document.
    var bodyExcerpt: String

    var description: String {
        guard let problem else {
            return "The \(ServiceNames.display(serviceName)) answered \(status)\(bodyExcerpt.isEmpty ? "" : ": \(bodyExcerpt)")."
        }
        var text = "The \(ServiceNames.display(serviceName)) answered \(status)"
        if let code = problem.code { text += " \(code)" }
        if let field = problem.field { text += " (field \(field))" }
        text += ": " + (problem.detail ?? problem.title ?? "no detail given")
        return text
    }
}

/// The service answered 2xx with a body the CLI could not read: another version of it, or not
/// an Entas service at that URL.
struct UnexpectedAnswerError: Error, Sendable, CustomStringConvertible {
    var serviceName: String
    var url: String
    var reason: String

    var description: String {
        "The answer of the \(ServiceNames.display(serviceName)) at \(url) could not be read (\(reason)). Check that the URL is an Entas "
            + "\(serviceName) of the same version as this entas."
    }
}

/// No token was given for a service whose API needs one.
struct MissingTokenError: Error, Sendable, CustomStringConvertible {
    var serviceName: String
    /// `--token`.
    var flag: String
    /// `ENTAS_TOKEN`, `ENTAS_SOCIAL_AID_TOKEN`, …
    var variable: String

    var description: String {
        "No token for the \(ServiceNames.display(serviceName)): give \(flag) or set \(variable). Its operator issues one with "
            + "`entas-\(serviceName) token create --name <who>` (it is printed once)."
    }
}
