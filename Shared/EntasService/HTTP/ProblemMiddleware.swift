import EntasDomain
import Foundation
import Hummingbird
import Logging

/// An error of a service's own that knows which problem document answers it.
public protocol ProblemConvertible: Error {
    var problem: ProblemDocument { get }
}

/// Turns every error a handler throws into a problem document: domain validation errors name
/// their field and rule, body decoding errors their path, Hummingbird's own errors keep their
/// status, and anything else is a 500 whose cause goes to the log (never to the client).
public struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as ProblemDocument {
            throw problem
        } catch {
            throw Self.problem(for: error, logger: context.logger)
        }
    }

    package static func problem(for error: any Error, logger: Logger) -> ProblemDocument {
        switch error {
        case let error as ProblemDocument: return error
        case let error as any ProblemConvertible: return error.problem
        case let error as DecodingError: return problem(decoding: error)
        case let error as IdentityNumberError: return .invalidField(error.field, error)
        case let error as RegionCodeError: return .invalidField("desaCode", error)
        case let error as EventValidationError: return .invalidField(error.path, error)
        case EventEncodingError.invalidPayload(let path, let reason):
            return .invalidField(path.hasPrefix("$.") ? String(path.dropFirst(2)) : path, reason)
        case let error as HTTPError:
            let phrase = Self.title(of: error.status)
            return ProblemDocument(
                status: error.status, code: error.status == .notFound ? "not-found" : "http-\(error.status.code)",
                title: phrase, detail: error.body.map { Message("service.http.detail", .text($0)) } ?? phrase)
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            // NIO's "too many bytes" from collecting a body over the request context's limit.
            return ProblemDocument(
                status: .contentTooLarge, code: "body-too-large", title: Message("service.problem.bodyTooLarge.title"),
                detail: Message("service.problem.bodyTooLarge.detail", .count(AgencyRequestContext.maximumBodyBytes / (1024 * 1024))))
        case let error as any HTTPResponseError:
            let phrase = Self.title(of: error.status)
            return ProblemDocument(status: error.status, code: "http-\(error.status.code)", title: phrase, detail: phrase)
        default:
            logger.error("Request failed", metadata: ["entas.error": "\(String(reflecting: type(of: error)))"])
            return .internalError
        }
    }

    package static func problem(decoding error: DecodingError) -> ProblemDocument {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return .invalidField(field, Message("service.decoding.required", .text(field)))
        case .valueNotFound(_, let context):
            let field = path(context.codingPath)
            return .invalidField(field, Message("service.decoding.null", .text(field)))
        case .typeMismatch(let type, let context):
            if context.codingPath.isEmpty {
                return .malformedBody(Message("service.decoding.notObject"))
            }
            let field = path(context.codingPath)
            return .invalidField(field, Message("service.decoding.type", .text(field), kind(of: type)))
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError as? any MessageConvertible {
                return .invalidField(path(context.codingPath), underlying.message)
            }
            if let underlying = context.underlyingError {
                if context.codingPath.isEmpty {
                    return .malformedBody(Message("service.decoding.notJSON.because", .text(underlying.localizedDescription)))
                }
                return .invalidField(path(context.codingPath), Message("service.decoding.invalid", .text("\(underlying)")))
            }
            if context.codingPath.isEmpty { return .malformedBody(Message("service.decoding.notJSON")) }
            return .invalidField(path(context.codingPath), Message("service.decoding.invalid", .text(context.debugDescription)))
        @unknown default:
            return .malformedBody(Message("service.decoding.undecodable"))
        }
    }

    /// The status's reason phrase in the reader's language ("Not Found", "Tidak ditemukan").
    static func title(of status: HTTPResponse.Status) -> Message {
        switch status.code {
        case 400: Message("service.http.400")
        case 401: Message("service.http.401")
        case 403: Message("service.http.403")
        case 404: Message("service.http.404")
        case 405: Message("service.http.405")
        case 406: Message("service.http.406")
        case 408: Message("service.http.408")
        case 409: Message("service.http.409")
        case 411: Message("service.http.411")
        case 413: Message("service.http.413")
        case 414: Message("service.http.414")
        case 415: Message("service.http.415")
        case 416: Message("service.http.416")
        case 422: Message("service.http.422")
        case 429: Message("service.http.429")
        case 431: Message("service.http.431")
        case 500: Message("service.http.500")
        case 501: Message("service.http.501")
        case 502: Message("service.http.502")
        case 503: Message("service.http.503")
        case 504: Message("service.http.504")
        default: Message("service.http.status", .text(status.reasonPhrase))
        }
    }

    /// What a JSON value of `type` is, in the reader's words: a whole number, a number, text, true or false, a
    /// list, an object; the type's own name for anything else.
    private static func kind(of type: Any.Type) -> Message.Argument {
        let name = String(describing: type)
        return switch type {
        case is any FixedWidthInteger.Type: .message(Message("service.decoding.kind.integer"))
        case is any BinaryFloatingPoint.Type: .message(Message("service.decoding.kind.number"))
        case is any StringProtocol.Type: .message(Message("service.decoding.kind.text"))
        case is Bool.Type: .message(Message("service.decoding.kind.boolean"))
        case _ where name.hasPrefix("Array<"): .message(Message("service.decoding.kind.list"))
        case _ where name.hasPrefix("Dictionary<"): .message(Message("service.decoding.kind.object"))
        default: .text(name)
        }
    }
}
