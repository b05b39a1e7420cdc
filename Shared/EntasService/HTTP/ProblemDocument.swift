import EntasDomain
import Foundation
import Hummingbird

/// An API error as an RFC 9457 problem document (`application/problem+json`): what was
/// wrong, which field, which rule, and how to fix it. Every error a service answers is one.
public struct ProblemDocument: Error, HTTPResponseError, Sendable, Equatable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    /// A stable code clients can branch on, e.g. `invalid-field`, `not-eligible`.
    public var code: String
    /// What went wrong in a few words, written in the reader's language when the document is sent.
    public var title: Message
    /// What was wrong and how to fix it, in the reader's language.
    public var detail: Message
    /// The JSON path of the field at fault, when one is.
    public var field: String?

    public init(status: HTTPResponse.Status, code: String, title: Message, detail: Message, field: String? = nil) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.field = field
    }

    /// The status, code and English detail, for logs and test failures.
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

    /// The document as it is sent to a reader of `language`.
    public func body(in language: Language = .current) -> Body {
        Body(
            type: "urn:entas:problem:\(code)", title: title.rendered(in: language), status: status.code,
            detail: detail.rendered(in: language), code: code, field: field)
    }

    /// The document in the language the request asks for (`Accept-Language`), Indonesian by default.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let language = Language(request: request)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(body(in: language))
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        headers[.contentLanguage] = language.rawValue
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension ProblemDocument {
    /// 422: a field breaks a rule.
    public static func invalidField(_ field: String, _ rule: Message) -> ProblemDocument {
        ProblemDocument(status: .unprocessableContent, code: "invalid-field", title: Message("problem.invalidField.title"), detail: rule, field: field)
    }

    /// 422: a field breaks the rule a domain error names.
    public static func invalidField(_ field: String, _ error: some MessageConvertible) -> ProblemDocument {
        invalidField(field, error.message)
    }

    /// 400: the body is not JSON of the expected shape.
    public static func malformedBody(_ detail: Message, field: String? = nil) -> ProblemDocument {
        ProblemDocument(status: .badRequest, code: "malformed-body", title: Message("problem.malformedBody.title"), detail: detail, field: field)
    }

    /// 404: `what` says what was not found.
    public static func notFound(_ what: Message) -> ProblemDocument {
        ProblemDocument(status: .notFound, code: "not-found", title: Message("problem.notFound.title"), detail: what)
    }

    /// 409: the request conflicts with what is stored.
    public static func conflict(_ detail: Message, code: String = "conflict") -> ProblemDocument {
        ProblemDocument(status: .conflict, code: code, title: Message("problem.conflict.title"), detail: detail)
    }

    public static let missingToken = ProblemDocument(
        status: .unauthorized, code: "missing-token", title: Message("problem.missingToken.title"),
        detail: Message("problem.missingToken.detail"))

    public static let unknownToken = ProblemDocument(
        status: .unauthorized, code: "unknown-token", title: Message("problem.unknownToken.title"),
        detail: Message("problem.unknownToken.detail"))

    public static func wrongService(tokenService: String, thisService: String) -> ProblemDocument {
        ProblemDocument(
            status: .forbidden, code: "wrong-service", title: Message("problem.wrongService.title"),
            detail: Message("problem.wrongService.detail", .text(tokenService), .text(thisService)))
    }

    public static let internalError = ProblemDocument(
        status: .internalServerError, code: "internal", title: Message("problem.internal.title"),
        detail: Message("problem.internal.detail"))
}
