import EntasDomain
import EntasService

extension Message.Argument {
    /// A text the domain writes (an eligibility rule's refusal or summary), as it writes it: plain text, or a
    /// message rendered in the reader's language.
    package static func domain(_ text: String) -> Message.Argument { .text(text) }
    package static func domain(_ message: Message) -> Message.Argument { .message(message) }
}

extension Message {
    /// A text the domain writes, as a message: plain text as it is, or its message.
    package static func said(_ text: String) -> Message { Message("cluster.error.described", .text(text)) }
    package static func said(_ message: Message) -> Message { message }

    /// What `error` says was wrong, in the reader's language: its own message when it has one (a domain
    /// error, a problem document's detail), else its description as it is.
    package static func of(_ error: any Error) -> Message {
        if let problem = error as? ProblemDocument { return problem.detail }
        if let convertible = error as? any MessageConvertible { return convertible.message }
        return said("\(error)")
    }
}
