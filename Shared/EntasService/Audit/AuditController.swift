import EntasDomain
import Foundation
import GRDB
import Hummingbird

/// `GET /v1/audit`: the service's audit trail, for an admin token, newest first, filtered by operator,
/// region and days (WIB).
struct AuditController: Sendable {
    let database: any DatabaseReader
    let executable: String

    func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>) {
        group.get("audit", summary: "The audit trail: every write and every answer that named people, newest first; admin token (?operator=&region=&from=YYYY-MM-DD&to=YYYY-MM-DD&limit=&offset=)", query: Self.query) { request, context in
            try context.requireAdmin(to: Message("service.admin.action.readAudit"), executable: executable)
            let query = request.uri.queryParameters
            let page = try Paging(request)
            var filter = AuditEntry.all()
            if let name = query.get("operator") { filter = filter.filter(AuditEntry.Columns.operatorName == name) }
            let asked = try query.get("region").map { text in
                do throws(RegionCodeError) { return try RegionCode(text) } catch { throw ProblemDocument.invalidField("region", error) }
            }
            // A regional admin reads the entries of its region only (an entry naming no region is the province's).
            if let region = try context.scope.filter(asked) {
                filter = filter.filter(AuditEntry.Columns.region == region.dotted || AuditEntry.Columns.region.like(region.dotted + ".%"))
            }
            if let from = try Self.day(query.get("from"), "from") { filter = filter.filter(AuditEntry.Columns.at >= from.startInJakarta) }
            if let to = try Self.day(query.get("to"), "to") { filter = filter.filter(AuditEntry.Columns.at < to.adding(days: 1).startInJakarta) }
            let request = filter
            let (total, entries) = try await database.read { db in
                (try request.fetchCount(db), try request.order(AuditEntry.Columns.id.desc).limit(page.limit, offset: page.offset).fetchAll(db))
            }
            return AuditPage(total: total, limit: page.limit, offset: page.offset, entries: entries)
        }
    }

    static var query: [String: [String: Any]] {
        [
            "operator": ["type": "string", "maxLength": 200], "region": RequestSchemas.region, "from": RequestSchemas.date,
            "to": RequestSchemas.date,
        ].merging(RequestSchemas.paging) { $1 }
    }

    static func day(_ text: String?, _ name: String) throws -> CalendarDate? {
        guard let text else { return nil }
        do { return try CalendarDate(text) } catch { throw ProblemDocument.invalidField(name, Message("service.audit.day", .text(name), .message(error.message))) }
    }
}

/// A page of the audit trail.
public struct AuditPage: ResponseCodable, Sendable {
    public var total: Int
    public var limit: Int
    public var offset: Int
    public var entries: [AuditEntry]
}
