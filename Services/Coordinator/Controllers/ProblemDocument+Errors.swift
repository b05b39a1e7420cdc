import EntasDomain
import EntasService

extension Message {
    /// What `error` says, in the reader's language when it is a ``MessageConvertible`` domain error; its English
    /// description otherwise (an error no person should meet).
    init(describing error: any Error) {
        if let error = error as? any MessageConvertible {
            self = error.message
        } else {
            self = Message("coordinator.error.other", .text(String(describing: error)))
        }
    }
}

extension ProblemDocument {
    /// 422 for `field`, saying what `error` says.
    static func invalidField(_ field: String, because error: any Error) -> ProblemDocument {
        .invalidField(field, Message(describing: error))
    }
}
