import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Requests to one Entas service on loopback, with its bearer token.
struct HTTPClient: Sendable {
    let baseURL: String
    let token: String
    private let session: URLSession

    init(baseURL: String, token: String) {
        self.baseURL = baseURL
        self.token = token
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 600
        configuration.httpMaximumConnectionsPerHost = 8
        session = URLSession(configuration: configuration)
    }

    /// The status and body of one request (status 0 never comes back: no answer throws).
    func send(_ method: String, _ path: String, body: Data? = nil, contentType: String = "application/json") async throws -> (status: Int, body: Data) {
        guard let url = URL(string: baseURL + path) else { throw BenchError.http(method: method, path: path, status: 0, body: "not a URL") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = body
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await session.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
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
