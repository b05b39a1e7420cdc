import EntasDomain
import Foundation
import Hummingbird

extension Request {
    /// Decodes the JSON body, its text cleaned first (``JSONText``), answering a problem document that names the
    /// field and rule when it does not fit (Hummingbird's own `decode` reports only "bad request").
    public func decodeJSON<Value: Decodable>(as type: Value.Type, context: some RequestContext) async throws -> Value {
        var request = self
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let data = try JSONText.cleaned(Data(buffer.readableBytesView))
        do {
            return try JSONDecoder().decode(Value.self, from: data)
        } catch let error as DecodingError {
            if let problem = JSONNumbers.misfit(in: data, error) { throw problem }
            throw ProblemMiddleware<BasicRequestContext>.problem(decoding: error)
        }
    }
}

/// Foundation's decoder reports a number that does not fit its field (`2.5` or `1e30` for a
/// count) as "not valid JSON", with no field. When the body is valid JSON after all, the
/// answer names the first such number instead.
package enum JSONNumbers {
    package static func misfit(in data: Data, _ error: DecodingError) -> ProblemDocument? {
        guard case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
            let body = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
            let field = firstNonInteger(in: body, path: "")
        else { return nil }
        return .invalidField(field, Message("service.decoding.wholeNumber", .text(field)))
    }

    /// The path of the first number in `value` that is not a whole number within 64 bits (objects by sorted key).
    static func firstNonInteger(in value: Any, path: String) -> String? {
        switch value {
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if let found = firstNonInteger(in: object[key] as Any, path: path.isEmpty ? key : "\(path).\(key)") { return found }
            }
            return nil
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = firstNonInteger(in: element, path: "\(path)[\(index)]") { return found }
            }
            return nil
        case let number as NSNumber:  // true and false read as 1 and 0: whole numbers
            let double = number.doubleValue
            return double.rounded() == double && abs(double) < 9.2e18 ? nil : path
        default:
            return nil
        }
    }
}
