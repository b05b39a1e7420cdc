import Hummingbird
import Prometheus

/// `GET /metrics`: Prometheus text. `beforeScrape` refreshes gauges that are read on demand
/// (outbox backlog, consumer lag). Open without a token, as Prometheus scrapes it.
public struct MetricsController: Sendable {
    let registry: PrometheusCollectorRegistry
    let beforeScrape: @Sendable () async -> Void

    public init(registry: PrometheusCollectorRegistry, beforeScrape: @escaping @Sendable () async -> Void = {}) {
        self.registry = registry
        self.beforeScrape = beforeScrape
    }

    public func addRoutes(to router: DocumentedRoutes<AgencyRequestContext>) {
        router.get("metrics", summary: "Prometheus metrics (no token needed)") { _, _ in
            await beforeScrape()
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }
}
