import ArgumentParser
import EntasDomain

extension Message.Argument {
    /// An error as a value of a message: its own message in the same language when it has one, else its description.
    static func error(_ error: any Error) -> Self {
        if let convertible = error as? any MessageConvertible { return .message(convertible.message) }
        return .text("\(error)")
    }
}

extension ValidationError {
    /// A usage error whose text is `message` in the current language.
    init(_ message: Message) {
        self.init(message.rendered())
    }
}

extension TableColumn {
    static func left(_ header: Message) -> TableColumn { TableColumn(header.rendered(), .left) }
    static func right(_ header: Message) -> TableColumn { TableColumn(header.rendered(), .right) }
    static func flexible(_ header: Message, minimumWidth: Int = 6) -> TableColumn {
        TableColumn(header.rendered(), .left, flexible: true, minimumWidth: minimumWidth)
    }
}
