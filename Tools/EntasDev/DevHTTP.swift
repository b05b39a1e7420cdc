import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// HTTP calls to Entas services on loopback: `entas dev` to its own services, and the load and bench
/// drivers to the services they measure.
///
/// Through async-http-client (SwiftNIO) rather than Foundation's URLSession: on Linux, URLSession's libcurl
/// event loop kept a core's worth of wake-ups busy while the demo's bulk requests were in flight (25 of the
/// 30 CPU-seconds `entas dev` spent loading the demo), CPU the services and the coordinator need on two cores.
public enum DevHTTP {
    public struct Answer: Sendable {
        public var status: Int
        public var body: Data
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// The largest answer read (a bulk summary lists at most 1,000 rejected lines).
    static let maximumAnswerBytes = 64 << 20

    /// Sends one request through `client` (the shared one keeps up to 8 connections per service) and
    /// returns its status and body; no answer within `timeout` seconds throws.
    public static func send(
        _ method: String, _ url: String, token: String? = nil, body: Data? = nil, contentType: String = "application/json",
        timeout: TimeInterval = 120, client: HTTPClient = .shared
    ) async throws -> Answer {
        guard URL(string: url) != nil else { throw DevError.demoFailed("bad URL \(url)") }
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
            request.headers.add(name: "Content-Type", value: contentType)
        }
        let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
        let answer = try await response.body.collect(upTo: maximumAnswerBytes)
        return Answer(status: Int(response.status.code), body: Data(answer.readableBytesView))
    }

    static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(value)
    }
}
