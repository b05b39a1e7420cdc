import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// HTTP on loopback to the services under test.
struct HTTPAnswer: Sendable {
    var status: Int
    var body: Data
    var contentType: String
    var location: String = ""

    var text: String { String(decoding: body, as: UTF8.self) }
    /// The JSON body with sorted keys, to compare two answers.
    var canonicalJSON: String {
        guard let object = try? JSONSerialization.jsonObject(with: body),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        else { return text }
        return String(decoding: data, as: UTF8.self)
    }
    var object: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
}

enum HTTPClient {
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 16
        configuration.timeoutIntervalForRequest = 120
        return URLSession(configuration: configuration)
    }()

    /// A session that reports redirects instead of following them.
    static let noRedirects: URLSession = URLSession(configuration: .ephemeral, delegate: RefuseRedirects(), delegateQueue: nil)

    final class RefuseRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
            completionHandler: @escaping (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }
    }

    static func send(
        _ method: String, _ url: String, token: String? = nil, body: Data? = nil, contentType: String? = "application/json",
        headers: [String: String] = [:], timeout: TimeInterval = 120, followRedirects: Bool = true
    ) async throws -> HTTPAnswer {
        guard let target = URL(string: url) else { throw FaultFailure("not a URL: \(url)") }
        var request = URLRequest(url: target, timeoutInterval: timeout)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = body
            if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await (followRedirects ? session : noRedirects).data(for: request)
        let http = response as? HTTPURLResponse
        return HTTPAnswer(
            status: http?.statusCode ?? 0, body: data, contentType: http?.value(forHTTPHeaderField: "Content-Type") ?? "",
            location: http?.value(forHTTPHeaderField: "Location") ?? "")
    }

    static func json(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}
