import EntasDomain
import Foundation

/// A service the CLI talks to over HTTP: where it is, the token to present, and what to tell
/// the user when it cannot be reached or a setting is missing.
struct ServiceEndpoint: Sendable {
    /// `coordinator`, `social-aid`, …
    var serviceName: String
    /// The base URL, e.g. `http://127.0.0.1:8080` (no trailing slash needed).
    var baseURL: URL
    /// The bearer token.
    var token: String
    /// The flag and variable that set the URL, for messages.
    var urlSetting: String

    /// `entas-coordinator`, `entas-social-aid`, …
    var executable: String { "entas-\(serviceName)" }

    /// The URL of `path` (starting with `/`) with `query`, empty items left out.
    func url(_ path: String, query: [URLQueryItem] = []) throws -> URL {
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        guard var components = URLComponents(string: text + path) else { throw InvalidURLError(text: text, setting: urlSetting) }
        let items = query.filter { $0.value != nil }
        if !items.isEmpty { components.queryItems = items }
        guard let url = components.url else { throw InvalidURLError(text: text, setting: urlSetting) }
        return url
    }

    /// Checks that `text` is an absolute http or https URL with a host.
    static func parseURL(_ text: String, setting: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else { throw InvalidURLError(text: text, setting: setting) }
        return url
    }
}

/// A service URL that is not an absolute http(s) URL.
struct InvalidURLError: Error, Sendable, CustomStringConvertible, MessageConvertible {
    var text: String
    var setting: String

    var message: Message { Message("cli.error.invalidURL", .text(String(text.prefix(200))), .text(setting)) }

    var description: String { message.rendered() }
}

extension ServiceEndpoint {
    /// `--coordinator URL (or ENTAS_COORDINATOR_URL)`: the flag and the variable that set a URL, for messages.
    static func urlSetting(flag: String, variable: String) -> String {
        Message("cli.setting.url", .text(flag), .text(variable)).rendered()
    }
}
