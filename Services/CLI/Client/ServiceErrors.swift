import EntasDomain
import Foundation

/// The service did not answer at all: nothing listens at the URL, or the connection failed.
struct ServiceUnreachableError: Error, Sendable, CustomStringConvertible, MessageConvertible {
    var serviceName: String
    var url: String
    var setting: String
    /// What the transport said (connection refused, timed out, …).
    var reason: Message

    var message: Message {
        let start =
            serviceName == "coordinator"
            ? Message("cli.error.unreachable.startCoordinator")
            : Message("cli.error.unreachable.startService", .text("entas-\(serviceName)"))
        let service = ServiceNames.display(serviceName)
        return Message("cli.error.unreachable", .message(service), .text(url), .message(reason), .message(start), .text(setting))
    }

    var description: String { message.rendered() }
}

/// The service answered 4xx or 5xx; `problem` is its RFC 9457 problem document, when it sent one.
struct ServiceAnswerError: Error, Sendable, CustomStringConvertible, MessageConvertible {
    var serviceName: String
    var status: Int
    var problem: ProblemBody?
    /// The start of the body, when it was not a problem document.
    var bodyExcerpt: String

    var message: Message {
        let service = Message.Argument.message(ServiceNames.display(serviceName))
        guard let problem else {
            if bodyExcerpt.isEmpty { return Message("cli.error.answered", service, .text(String(status))) }
            return Message("cli.error.answeredBody", service, .text(String(status)), .text(bodyExcerpt))
        }
        var status = String(self.status)
        if let code = problem.code { status += " \(code)" }
        let detail: Message.Argument = (problem.detail ?? problem.title).map { .text($0) } ?? .message(Message("cli.error.answered.noDetail"))
        if let field = problem.field { return Message("cli.error.answeredProblemField", service, .text(status), .text(field), detail) }
        return Message("cli.error.answeredProblem", service, .text(status), detail)
    }

    var description: String { message.rendered() }
}

/// The service answered 2xx with a body the CLI could not read: another version of it, or not
/// an Entas service at that URL.
struct UnexpectedAnswerError: Error, Sendable, CustomStringConvertible, MessageConvertible {
    var serviceName: String
    var url: String
    var reason: String

    var message: Message {
        Message("cli.error.unexpectedAnswer", .message(ServiceNames.display(serviceName)), .text(url), .text(reason), .text(serviceName))
    }

    var description: String { message.rendered() }
}

/// No token was given for a service whose API needs one.
struct MissingTokenError: Error, Sendable, CustomStringConvertible, MessageConvertible {
    var serviceName: String
    /// `--token`.
    var flag: String
    /// `ENTAS_TOKEN`, `ENTAS_SOCIAL_AID_TOKEN`, …
    var variable: String

    var message: Message {
        Message("cli.error.missingToken", .message(ServiceNames.display(serviceName)), .text(flag), .text(variable), .text("entas-\(serviceName)"))
    }

    var description: String { message.rendered() }
}
