import Foundation
import Hummingbird

extension Request {
    /// Decodes the JSON body, answering a problem document that names the field and rule
    /// when it does not fit (Hummingbird's own `decode` reports only "bad request").
    public func decodeJSON<Value: Decodable>(as type: Value.Type, context: some RequestContext) async throws -> Value {
        var request = self
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        do {
            return try JSONDecoder().decode(Value.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw ProblemMiddleware<BasicRequestContext>.problem(decoding: error)
        }
    }
}
