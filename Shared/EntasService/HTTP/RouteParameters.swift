import EntasDomain
import Foundation
import Hummingbird

extension AgencyRequestContext {
    /// The `{name}` path parameter as a UUID, or a problem naming what the id was for.
    /// - Parameter what: what the id names, as the detail says it ("a loan" / "pinjaman"), in the catalogues.
    package func uuid(_ name: String = "id", of what: Message) throws -> UUID {
        let text = try parameters.require(name)
        guard let id = UUID(uuidString: text) else {
            throw ProblemDocument.invalidField(name, Message("service.route.notUUID", .text(text), .message(what)))
        }
        return id
    }

    /// The `{kk}` path parameter as a validated family card number.
    package func kkNumber(_ name: String = "kk") throws -> KKNumber {
        try KKNumber(try parameters.require(name))
    }

    /// The `{nik}` path parameter as a validated NIK.
    package func nik(_ name: String = "nik") throws -> NIK {
        try NIK(try parameters.require(name))
    }
}

extension Request {
    /// An optional query parameter parsed by `parse`; a parse error becomes a problem
    /// naming the parameter (a domain error says what was wrong in the reader's language).
    package func query<Value>(_ name: String, _ parse: (String) throws -> Value) throws -> Value? {
        guard let text = uri.queryParameters.get(name), !text.isEmpty else { return nil }
        do {
            return try parse(text)
        } catch let problem as ProblemDocument {
            throw problem
        } catch let error as any MessageConvertible {
            throw ProblemDocument.invalidField(name, error.message)
        } catch {
            throw ProblemDocument.invalidField(name, Message("service.query.invalid", .text("\(error)")))
        }
    }
}
