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
        case let error as IdentityNumberError: return .invalidField(error.field, error.description)
        case let error as RegionCodeError: return .invalidField("desaCode", error.description)
        case let error as EventValidationError: return .invalidField(error.path, error.reason)
        case EventEncodingError.invalidPayload(let path, let reason):
            return .invalidField(path.hasPrefix("$.") ? String(path.dropFirst(2)) : path, reason)
        case let error as HTTPError:
            return ProblemDocument(
                status: error.status, code: error.status == .notFound ? "not-found" : "http-\(error.status.code)",
                title: error.status.reasonPhrase, detail: error.body ?? error.status.reasonPhrase)
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            // NIO's "too many bytes" from collecting a body over the request context's limit.
            return ProblemDocument(
                status: .contentTooLarge, code: "body-too-large", title: "The request body is too large",
                detail: "A request body may have at most \(AgencyRequestContext.maximumBodyBytes / (1024 * 1024)) MiB. Send fewer records at once; "
                    + "POST /v1/households/import and POST /v1/bulk stream files of any size.")
        case let error as any HTTPResponseError:
            return ProblemDocument(status: error.status, code: "http-\(error.status.code)", title: error.status.reasonPhrase, detail: error.status.reasonPhrase)
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
            return .invalidField(field, "'\(field)' is required")
        case .valueNotFound(_, let context):
            return .invalidField(path(context.codingPath), "'\(path(context.codingPath))' must not be null")
        case .typeMismatch(let type, let context):
            if context.codingPath.isEmpty {
                return .malformedBody("the body must be one JSON object ({ … }) with the fields of this request, not a list or a single value")
            }
            return .invalidField(path(context.codingPath), "'\(path(context.codingPath))' must be \(String(describing: type))")
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError as? IdentityNumberError {
                return .invalidField(path(context.codingPath), underlying.description)
            }
            if let underlying = context.underlyingError as? EventValidationError {
                return .invalidField(path(context.codingPath), underlying.reason)
            }
            if let underlying = context.underlyingError {
                if context.codingPath.isEmpty { return .malformedBody("the body is not valid JSON: \(underlying.localizedDescription)") }
                return .invalidField(path(context.codingPath), "\(underlying)")
            }
            if context.codingPath.isEmpty { return .malformedBody("the body is not valid JSON") }
            return .invalidField(path(context.codingPath), context.debugDescription)
        @unknown default:
            return .malformedBody("the body could not be decoded")
        }
    }
}
