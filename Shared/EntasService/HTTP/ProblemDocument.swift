import Foundation
import Hummingbird

/// An API error as an RFC 9457 problem document (`application/problem+json`): what was
/// wrong, which field, which rule, and how to fix it. Every error a service answers is one.
public struct ProblemDocument: Error, HTTPResponseError, Sendable, Equatable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    /// A stable code clients can branch on, e.g. `invalid-field`, `not-eligible`.
    public var code: String
    public var title: String
    public var detail: String
    /// The JSON path of the field at fault, when one is.
    public var field: String?

    public init(status: HTTPResponse.Status, code: String, title: String, detail: String, field: String? = nil) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.field = field
    }

    public var description: String { "\(status.code) \(code): \(detail)" }

    /// The document as it is sent.
    public struct Body: Codable, Sendable, Equatable {
        /// `urn:entas:problem:<code>`.
        public var type: String
        public var title: String
        public var status: Int
        public var detail: String
        public var code: String
        public var field: String?
    }

    public var body: Body {
        Body(type: "urn:entas:problem:\(code)", title: title, status: status.code, detail: detail, code: code, field: field)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(body)
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension ProblemDocument {
    /// 422: a field breaks a rule.
    public static func invalidField(_ field: String, _ rule: String) -> ProblemDocument {
        ProblemDocument(status: .unprocessableContent, code: "invalid-field", title: "A field is not valid", detail: rule, field: field)
    }

    /// 400: the body is not JSON of the expected shape.
    public static func malformedBody(_ detail: String, field: String? = nil) -> ProblemDocument {
        ProblemDocument(status: .badRequest, code: "malformed-body", title: "The request body could not be read", detail: detail, field: field)
    }

    public static func notFound(_ what: String) -> ProblemDocument {
        ProblemDocument(status: .notFound, code: "not-found", title: "Not found", detail: what)
    }

    public static func conflict(_ detail: String, code: String = "conflict") -> ProblemDocument {
        ProblemDocument(status: .conflict, code: code, title: "The request conflicts with the current state", detail: detail)
    }

    public static let missingToken = ProblemDocument(
        status: .unauthorized, code: "missing-token", title: "Authentication required",
        detail: "Send a token of this service as 'Authorization: Bearer <token>'. Tokens are issued with `<executable> token create --name <who>`.")

    public static let unknownToken = ProblemDocument(
        status: .unauthorized, code: "unknown-token", title: "Authentication failed",
        detail: "The bearer token is not known to this service or was revoked. Ask the service's operator for a new one.")

    public static func wrongService(tokenService: String, thisService: String) -> ProblemDocument {
        ProblemDocument(
            status: .forbidden, code: "wrong-service", title: "Token of another service",
            detail: "This token was issued for '\(tokenService)'; this service is '\(thisService)'. Use a token issued by \(thisService).")
    }

    public static let internalError = ProblemDocument(
        status: .internalServerError, code: "internal", title: "Internal error",
        detail: "The service failed to handle the request. Nothing was written. Its log has the cause; try again or tell the operator.")
}
