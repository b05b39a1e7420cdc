import EntasDev
import Foundation

/// Requests to one Entas service on loopback, with its bearer token (through `DevHTTP`, as `entas dev`
/// sends them: SwiftNIO's client costs the machine less CPU than URLSession's libcurl loop, CPU the
/// measured services need).
struct HTTPClient: Sendable {
    let baseURL: String
    let token: String

    /// The status and body of one request (status 0 never comes back: no answer throws).
    func send(_ method: String, _ path: String, body: Data? = nil, contentType: String = "application/json") async throws -> (status: Int, body: Data) {
        guard URL(string: baseURL + path) != nil else { throw BenchError.http(method: method, path: path, status: 0, body: "not a URL") }
        let answer = try await DevHTTP.send(method, baseURL + path, token: token, body: body, contentType: contentType, timeout: 600)
        return (answer.status, answer.body)
    }

    /// The body of a request that must answer `expected`.
    func expect(_ expected: Int, _ method: String, _ path: String, body: Data? = nil, contentType: String = "application/json") async throws -> Data {
        let answer = try await send(method, path, body: body, contentType: contentType)
        guard answer.status == expected else {
            throw BenchError.http(method: method, path: path, status: answer.status, body: String(decoding: answer.body, as: UTF8.self))
        }
        return answer.body
    }

    /// The JSON body of a GET that must answer 200, decoded.
    func get<Answer: Decodable>(_ path: String, as type: Answer.Type) async throws -> Answer {
        try JSONDecoder().decode(type, from: try await expect(200, "GET", path))
    }
}
