import AsyncHTTPClient
import EntasAPI
import EntasDomain
import EntasService
import Foundation
import NIOCore
import NIOHTTP1

/// How a cluster service reaches the coordinator for its worklists: `ENTAS_COORDINATOR_URL` and a coordinator
/// token in `ENTAS_COORDINATOR_TOKEN` (`entas-coordinator token create --name <agency>-worklists`).
///
/// The service sends the No. KK of its households to `POST /v1/flags`; the coordinator hashes them on arrival,
/// keeps none, and answers which are in a gap, a conflict or an open case (docs/coordinator.md).
public struct CoordinatorLink: Sendable {
    public static let urlVariable = "ENTAS_COORDINATOR_URL"
    public static let tokenVariable = "ENTAS_COORDINATOR_TOKEN"
    /// The variables only the cluster services read (beside every service's, ``EnvironmentVariable``).
    public static let variables = [urlVariable, tokenVariable]

    public var baseURL: String
    public var token: String
    /// How long one lookup may take.
    public var timeout: TimeAmount = .seconds(30)

    public init(baseURL: String, token: String) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.token = token
    }

    /// The link `environment` configures; nil when neither variable is set (worklists then answer 503).
    /// - Throws: ``ConfigurationError`` when only one is set, or the URL is not http(s).
    public static func configured(in environment: [String: String]) throws(ConfigurationError) -> CoordinatorLink? {
        let url = environment[urlVariable]?.trimmingCharacters(in: .whitespaces)
        let token = environment[tokenVariable]?.trimmingCharacters(in: .whitespaces)
        switch (url, token) {
        case (nil, nil): return nil
        case (let url?, let token?) where !url.isEmpty && !token.isEmpty:
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw ConfigurationError(
                    setting: urlVariable, problem: "'\(url.prefix(80))' is not an http(s) URL",
                    fix: "Give the coordinator's base URL, e.g. http://coordinator.internal:8080.")
            }
            return CoordinatorLink(baseURL: url, token: token)
        default:
            throw ConfigurationError(
                setting: "\(urlVariable) and \(tokenVariable)", problem: "only one of the two is set",
                fix: "Set both (the coordinator's URL and a coordinator token), or neither to run without worklists.")
        }
    }

    /// The flagged households among `kkNumbers`, by position, in parts of ``FlagLookup/maximumCount``.
    /// - Throws: a 502 problem (`coordinator-unavailable`) naming what failed.
    public func flags(of kkNumbers: [KKNumber]) async throws -> [Int: FlaggedHousehold] {
        var flagged: [Int: FlaggedHousehold] = [:]
        for start in stride(from: 0, to: kkNumbers.count, by: FlagLookup.maximumCount) {
            let part = Array(kkNumbers[start..<min(start + FlagLookup.maximumCount, kkNumbers.count)])
            for item in try await lookup(part).items {
                var shifted = item
                shifted.index += start
                flagged[shifted.index] = shifted
            }
        }
        return flagged
    }

    private func lookup(_ kkNumbers: [KKNumber]) async throws -> FlagReport {
        var request = HTTPClientRequest(url: "\(baseURL)/v1/flags")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(data: try JSONEncoder().encode(FlagLookup(kkNumbers: kkNumbers))))
        let body: ByteBuffer
        let status: HTTPResponseStatus
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: timeout)
            status = response.status
            body = try await response.body.collect(upTo: 64 * 1024 * 1024)
        } catch {
            throw Self.unavailable(Message("cluster.coordinator.noAnswer", .text(baseURL), .text("\(error)"), .text(Self.urlVariable)))
        }
        guard status == .ok else {
            let fix =
                status == .unauthorized || status == .forbidden
                ? Message("cluster.coordinator.checkToken", .text(Self.tokenVariable)) : Message("cluster.coordinator.seeLog")
            throw Self.unavailable(Message("cluster.coordinator.answered", .text(String(status.code)), .message(fix)))
        }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(FlagReport.self, from: Data(buffer: body))
        } catch {
            throw Self.unavailable(Message("cluster.coordinator.unreadable", .text("\(error)")))
        }
    }

    static func unavailable(_ detail: Message) -> ProblemDocument {
        ProblemDocument(status: .badGateway, code: "coordinator-unavailable", title: Message("cluster.coordinator.unavailable.title"), detail: detail)
    }

    /// The 503 a worklist answers when no link is configured.
    static let notConfigured = ProblemDocument(
        status: .serviceUnavailable, code: "coordinator-not-configured", title: Message("cluster.coordinator.notConfigured.title"),
        detail: Message("cluster.coordinator.notConfigured.detail", .text(urlVariable), .text(tokenVariable)))
}
