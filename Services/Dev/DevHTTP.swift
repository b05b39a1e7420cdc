import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The few HTTP calls `entas dev` makes to its own services on loopback.
///
/// Through async-http-client (SwiftNIO) rather than Foundation's URLSession: on Linux, URLSession's libcurl
/// event loop kept a core's worth of wake-ups busy while the demo's bulk requests were in flight (25 of the
/// 30 CPU-seconds `entas dev` spent loading the demo), CPU the services and the coordinator need on two cores.
enum DevHTTP {
    struct Answer: Sendable {
        var status: Int
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// The largest answer read (a bulk summary lists at most 1,000 rejected lines).
    static let maximumAnswerBytes = 64 << 20

    static func send(
        _ method: String, _ url: String, token: String? = nil, body: Data? = nil, contentType: String = "application/json",
        timeout: TimeInterval = 120
    ) async throws -> Answer {
        guard URL(string: url) != nil else { throw DevError.demoFailed("bad URL \(url)") }
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
            request.headers.add(name: "Content-Type", value: contentType)
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
        let answer = try await response.body.collect(upTo: maximumAnswerBytes)
        return Answer(status: Int(response.status.code), body: Data(answer.readableBytesView))
    }

    static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(value)
    }
}
