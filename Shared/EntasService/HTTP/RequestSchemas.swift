import EntasDomain
import Foundation

/// The pieces of JSON Schema the services' `/openapi.json` documents are made of (identifiers,
/// dates, regions, paging), for request bodies and query parameters: enough for a client generator or a fuzzer (schemathesis)
/// to send well-formed requests and reach the rules behind the parsing. The rules themselves
/// (eligibility, region reference, NIK dates) stay in the code; the schemas only give shapes.
public enum RequestSchemas {
    package static var kk: [String: Any] { ["type": "string", "pattern": "^35[0-9]{14}$", "description": "No. KK, 16 digits"] }
    package static var nik: [String: Any] { ["type": "string", "pattern": "^35[0-9]{14}$", "description": "NIK, 16 digits"] }
    package static var desa: [String: Any] { ["type": "string", "pattern": "^35\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$", "description": "Kemendagri desa code"] }
    package static var date: [String: Any] { ["type": "string", "format": "date"] }
    package static var text: [String: Any] { ["type": "string", "maxLength": 200] }
    package static var criteria: [String: Any] { ["type": "array", "items": ["type": "string", "enum": PovertyCriterion.allCases.map(\.rawValue)], "maxItems": 14] }
    package static var status: [String: Any] { ["type": "string", "enum": PovertyStatus.allCases.map(\.rawValue)] }
    package static var cluster: [String: Any] { ["type": "string", "enum": Cluster.allCases.map(\.rawValue)] }
    package static var strategy: [String: Any] { ["type": "string", "enum": Strategy.allCases.map(\.rawValue)] }
    /// Any region of the province: `35`, a kabupaten/kota, a kecamatan or a desa.
    package static var region: [String: Any] { ["type": "string", "pattern": "^35(\\.[0-9]{2}){0,2}(\\.[0-9]{4})?$", "description": "Kemendagri region code"] }
    /// A year, a quarter (triwulan) or a month.
    package static var period: [String: Any] { ["type": "string", "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$", "description": "2027, 2027-Q1 or 2027-03"] }
    package static var count: [String: Any] { ["type": "integer", "minimum": 0] }
    /// `?limit=&offset=` of a paged list.
    package static var paging: [String: [String: Any]] {
        ["limit": ["type": "integer", "minimum": 1, "maximum": 1_000], "offset": ["type": "integer", "minimum": 0]]
    }

    package static func object(_ properties: [String: [String: Any]], required: [String]) -> [String: Any] {
        ["type": "object", "properties": properties, "required": required]
    }
}
