import Hummingbird

/// `GET /v1/shocks`: shocks, newest first.
struct ShockList: ResponseCodable, Sendable {
    var shocks: [Shock]
}
