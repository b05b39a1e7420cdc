import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The few HTTP calls `entas dev` makes to its own services on loopback.
enum DevHTTP {
    struct Answer: Sendable {
        var status: Int
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func send(
        _ method: String, _ url: String, token: String? = nil, body: Data? = nil, contentType: String = "application/json",
        timeout: TimeInterval = 120
    ) async throws -> Answer {
        guard let target = URL(string: url) else { throw DevError.demoFailed("bad URL \(url)") }
        var request = URLRequest(url: target, timeoutInterval: timeout)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = body
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return Answer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
    }

    static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(value)
    }
}
