import EntasDomain

/// What can stop `entas dev`, with what to do about it.
public enum DevError: Error, CustomStringConvertible, Sendable, MessageConvertible {
    case cannotWrite(String)
    case missingExecutable(String, directory: String)
    case childExited(service: String, status: Int32, lastLines: [String], log: String)
    case notHealthy(service: String, url: String, lastLines: [String], log: String)
    case tokenFailed(service: String, output: String)
    case demoFailed(String)
    case portInUse(service: String, port: Int, basePort: Int)
    /// A request was built with a URL that does not parse.
    case badURL(String)

    public var description: String { message.rendered() }

    /// What went wrong and what to do, in the reader's language.
    public var message: Message {
        switch self {
        case .cannotWrite(let path):
            Message("dev.error.cannotWrite", .text(path))
        case .missingExecutable(let name, let directory):
            Message("dev.error.missingExecutable", .text(name), .text(directory))
        case .childExited(let service, let status, let lines, let log):
            Message("dev.error.childExited", .text(service), .text(String(status)), .text(log), .text(Self.quoted(lines)))
        case .notHealthy(let service, let url, let lines, let log):
            Message("dev.error.notHealthy", .text(service), .text(url), .text(log), .text(Self.quoted(lines)))
        case .tokenFailed(let service, let output):
            Message("dev.error.tokenFailed", .text(service), .text(output))
        case .demoFailed(let reason):
            Message("dev.error.demoFailed", .text(reason))
        case .portInUse(let service, let port, let basePort):
            Message("dev.error.portInUse", .text(String(port)), .text(service), .text(String(basePort)))
        case .badURL(let url):
            Message("dev.error.badURL", .text(url))
        }
    }

    private static func quoted(_ lines: [String]) -> String { lines.map { "  | \($0)" }.joined(separator: "\n") }
}
