/// What can stop `entas dev`, with what to do about it.
public enum DevError: Error, CustomStringConvertible, Sendable {
    case cannotWrite(String)
    case missingExecutable(String, directory: String)
    case childExited(service: String, status: Int32, lastLines: [String], log: String)
    case notHealthy(service: String, url: String, lastLines: [String], log: String)
    case tokenFailed(service: String, output: String)
    case demoFailed(String)
    case portInUse(service: String, port: Int, basePort: Int)
    /// A request was built with a URL that does not parse.
    case badURL(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path):
            "cannot write \(path); check the folder's permissions and free space"
        case .missingExecutable(let name, let directory):
            "\(name) is not in \(directory); build everything first with `swift build` (or use `make run`)"
        case .childExited(let service, let status, let lines, let log):
            "\(service) exited with status \(status). Its last log lines (\(log)):\n" + lines.map { "  | \($0)" }.joined(separator: "\n")
        case .notHealthy(let service, let url, let lines, let log):
            "\(service) did not become healthy at \(url). Its last log lines (\(log)):\n" + lines.map { "  | \($0)" }.joined(separator: "\n")
        case .tokenFailed(let service, let output):
            "could not issue a token for \(service): \(output)"
        case .demoFailed(let reason):
            "loading the demo failed: \(reason)"
        case .portInUse(let service, let port, let basePort):
            "port \(port) on 127.0.0.1, meant for \(service), is in use (is another `entas dev` running?); "
                + "stop what holds it or choose other ports with --base-port (now \(basePort); the five services take it and the next four)"
        case .badURL(let url):
            "'\(url)' is not a URL: check the service address (http://HOST:PORT) and the path"
        }
    }
}
