import AsyncHTTPClient
import EntasDomain
import Foundation
import NIOCore
import NIOHTTP1

/// HTTP calls to Entas services on loopback: `entas dev` to its own services, the load and bench
/// drivers to the services they measure, and the system and fault tests to the executables they run.
///
/// Through async-http-client (SwiftNIO) rather than Foundation's URLSession: on Linux, URLSession's libcurl
/// event loop kept a core's worth of wake-ups busy while the demo's bulk requests were in flight (25 of the
/// 30 CPU-seconds `entas dev` spent loading the demo), CPU the services and the coordinator need on two cores.
public enum DevHTTP {
    /// A service's answer: status, headers and body.
    public struct Answer: Sendable {
        public var status: Int
        public var headers: HTTPHeaders
        public var body: Data

        public var text: String { String(decoding: body, as: UTF8.self) }
        /// The `Content-Type` header, or "".
        public var contentType: String { headers.first(name: "Content-Type") ?? "" }
        /// The `Location` header of a redirect, or "".
        public var location: String { headers.first(name: "Location") ?? "" }
        /// The body as a JSON object; empty when it is not one.
        public var object: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
        /// The JSON body with sorted keys, to compare two answers; the text when it is not JSON.
        public var canonicalJSON: String {
            guard let object = try? JSONSerialization.jsonObject(with: body),
                let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            else { return text }
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// The largest answer read (a bulk summary lists at most 1,000 rejected lines).
    static let maximumAnswerBytes = 64 << 20

    /// The client every call goes through unless given another (up to 8 connections per service). A
    /// request's own `timeout` is its only deadline: a 100,000-row import answers once, after minutes.
    public static let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration(redirects: .follow(max: 5, allowCycles: false)))
    /// A client that hands a redirect back instead of following it (to check where a route sends).
    public static let noRedirects = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration(redirects: .disallow))

    private static func configuration(redirects: HTTPClient.Configuration.RedirectConfiguration) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = redirects
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: .seconds(10), read: nil)
        return configuration
    }

    /// Sends one request through `client` (in ``Language/current`` unless `headers` name another) and returns its status, headers and body; no answer within `timeout` seconds throws. `contentType`
    /// is sent with a body only; nil sends none.
    public static func send(
        _ method: String, _ url: String, token: String? = nil, body: Data? = nil, contentType: String? = "application/json",
        headers: [String: String] = [:], timeout: TimeInterval = 120, client: HTTPClient = DevHTTP.client
    ) async throws -> Answer {
        guard URL(string: url) != nil else { throw DevError.badURL(url) }
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        request.headers.add(name: "Accept-Language", value: Language.current.rawValue)
        if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
            if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        }
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
        let answer = try await response.body.collect(upTo: maximumAnswerBytes)
        return Answer(status: Int(response.status.code), headers: response.headers, body: Data(answer.readableBytesView))
    }

    /// `value` as JSON with sorted keys.
    public static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(value)
    }

    /// A JSON object or array (from a test's or a driver's dictionary) as JSON with sorted keys.
    public static func json(object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}
