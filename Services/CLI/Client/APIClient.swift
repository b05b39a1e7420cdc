import EntasDomain
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Asks one Entas service over HTTP with its bearer token. Connection failures become
/// ``ServiceUnreachableError`` and 4xx/5xx answers ``ServiceAnswerError`` with the service's
/// problem document, so every command reports them the same way.
struct APIClient: Sendable {
    let endpoint: ServiceEndpoint
    /// Seconds a request may take before it fails.
    var timeout: TimeInterval = 60

    init(endpoint: ServiceEndpoint, timeout: TimeInterval = 60) {
        self.endpoint = endpoint
        self.timeout = timeout
    }

    /// `GET path?query`; the body of a 2xx answer.
    func get(_ path: String, query: [URLQueryItem] = []) async throws -> Data {
        var request = URLRequest(url: try endpoint.url(path, query: query))
        request.httpMethod = "GET"
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        return try await send(request)
    }

    /// `POST path` with `body`; the body of a 2xx answer.
    func post(_ path: String, body: Data, contentType: String) async throws -> Data {
        var request = URLRequest(url: try endpoint.url(path))
        request.httpMethod = "POST"
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.httpBody = body
        return try await send(request)
    }

    /// `PUT path` with a JSON `body`; the body of a 2xx answer.
    func put(_ path: String, json body: Data) async throws -> Data {
        var request = URLRequest(url: try endpoint.url(path))
        request.httpMethod = "PUT"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.httpBody = body
        return try await send(request)
    }

    /// Decodes a 2xx body as `type` (ISO 8601 dates, as the services write them).
    func decode<T: Decodable>(_ type: T.Type, from data: Data, path: String) throws -> T {
        do {
            return try APIDecoding.decoder.decode(type, from: data)
        } catch {
            throw UnexpectedAnswerError(serviceName: endpoint.serviceName, url: endpoint.baseURL.absoluteString + path, reason: "\(error)")
        }
    }

    private func send(_ request: URLRequest) async throws -> Data {
        var request = request
        request.timeoutInterval = timeout
        request.setValue("Bearer \(endpoint.token)", forHTTPHeaderField: "Authorization")
        // The services write their problem documents' title and detail in it.
        request.setValue(Language.current.rawValue, forHTTPHeaderField: "Accept-Language")
        let (data, response) = try await transfer(request)
        guard let http = response as? HTTPURLResponse else {
            throw UnexpectedAnswerError(serviceName: endpoint.serviceName, url: endpoint.baseURL.absoluteString, reason: Message("cli.error.transport.notHTTP").rendered())
        }
        guard (200..<300).contains(http.statusCode) else {
            let problem = try? APIDecoding.decoder.decode(ProblemBody.self, from: data)
            let usable = problem.flatMap { $0.detail ?? $0.title } != nil ? problem : nil
            let excerpt = usable == nil ? String(decoding: data.prefix(200), as: UTF8.self) : ""
            throw ServiceAnswerError(serviceName: endpoint.serviceName, status: http.statusCode, problem: usable, bodyExcerpt: excerpt)
        }
        return data
    }

    private func transfer(_ request: URLRequest) async throws -> (Data, URLResponse) {
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        do {
            return try await session.data(for: request)
        } catch let error as URLError {
            throw ServiceUnreachableError(
                serviceName: endpoint.serviceName, url: endpoint.baseURL.absoluteString, setting: endpoint.urlSetting,
                reason: Self.reason(error))
        }
    }

    /// A short phrase for a transport failure.
    static func reason(_ error: URLError) -> Message {
        switch error.code {
        case .cannotConnectToHost: Message("cli.error.transport.refused")
        case .cannotFindHost, .dnsLookupFailed: Message("cli.error.transport.unknownHost")
        case .timedOut: Message("cli.error.transport.timedOut")
        case .networkConnectionLost: Message("cli.error.transport.lost")
        case .notConnectedToInternet: Message("cli.error.transport.noNetwork")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate:
            Message("cli.error.transport.tls", .text(error.localizedDescription))
        default: Message("cli.error.transport.other", .text(error.localizedDescription))
        }
    }
}

/// The JSON decoder for service answers: ISO 8601 dates, as Hummingbird encodes them.
enum APIDecoding {
    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
