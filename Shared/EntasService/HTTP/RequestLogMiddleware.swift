import Hummingbird
import Logging

/// Logs each request by its route template (`/v1/households/{kk}`), never its raw path or
/// body: both can hold a KK number, NIK or name.
public struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context, status: response.status.code, start: start)
            return response
        } catch let error as any HTTPResponseError {
            log(request, context, status: error.status.code, start: start)
            throw error
        }
    }

    private func log(_ request: Request, _ context: Context, status: Int, start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info(
            "\(request.method.rawValue) \(context.endpointPath ?? "(no route)") \(status)",
            metadata: ["entas.http.status": "\(status)", "entas.http.ms": "\(Int(milliseconds))"])
    }
}
