import EntasAPI
import EntasDomain
import EntasService
import Foundation
import Hummingbird

/// Verifikasi dan validasi at a cluster service: the worklist of a desa or kecamatan (JSON, CSV, or a printable
/// page), a request for verification, the assignment of an area's open cases to a team, and the verification
/// result recorded from the worklist.
public struct VerificationController: Sendable {
    let store: ClusterStore
    let link: CoordinatorLink?
    let verifiers: Set<Cluster>

    public init(store: ClusterStore, link: CoordinatorLink?, verifiers: Set<Cluster>) {
        self.store = store
        self.link = link
        self.verifiers = verifiers
    }

    public func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>) {
        group.get("worklist", summary: "A desa's or kecamatan's households in a gap, a conflict or an open verification case, with the head's name, address and the clusters' statements (?region=&flag=gap|conflict|case&format=json|csv|html)", query: RequestSchemas.worklist) { request, context in
            let query = request.uri.queryParameters
            guard let text = query.get("region") else {
                throw ProblemDocument.invalidField("region", Message("cluster.worklist.regionMissing"))
            }
            let region: RegionCode
            do { region = try RegionCode(text) } catch { throw ProblemDocument.invalidField("region", Message.of(error)) }
            let flag = try query.get("flag").map { text -> HouseholdFlag in
                guard let flag = HouseholdFlag(rawValue: text) else {
                    throw ProblemDocument.invalidField("flag", Message("cluster.worklist.notFlag", .text(String(text.prefix(30)))))
                }
                return flag
            }
            let format = query.get("format") ?? "json"
            guard ["json", "csv", "html"].contains(format) else {
                throw ProblemDocument.invalidField("format", Message("cluster.worklist.notFormat", .text(String(format.prefix(20)))))
            }
            let worklist = try await store.serving(context).worklist(region: region, flag: flag, link: link)
            context.audit.answered(households: worklist.entries.count, region: worklist.regionCode)
            return WorklistFile(worklist: worklist, format: format, service: store.definition.executableName)
        }
        group.post("households/{kk}/verification", summary: "Record a field verification of the household's open case (status found, criteria, day, verifier, minutes reference); publishes household.verified", body: RequestSchemas.verification) { request, context in
            let record = try await request.decodeJSON(as: VerificationRecord.self, context: context)
            let receipt = try await store.serving(context).verify(try context.kkNumber(), record, verifiers: verifiers, link: link)
            return EditedResponse(status: .created, response: receipt)
        }
        group.post("households/{kk}/verification-request", summary: "Ask for a field verification of a household whose data this cluster doubts; publishes verification.requested", body: RequestSchemas.verificationRequest) { request, context in
            let ask = try await request.decodeJSON(as: VerificationAsk.self, context: context)
            return EditedResponse(status: .created, response: try await store.serving(context).requestVerification(try context.kkNumber(), ask))
        }
        group.post("verification/assignments", summary: "Assign every open case of a desa or kecamatan to one of this cluster's teams; publishes verification.assigned per case", body: RequestSchemas.assignment) { request, context in
            let assignment = try await request.decodeJSON(as: CaseAssignment.self, context: context)
            return try await store.serving(context).assign(assignment, link: link)
        }
    }
}

extension Worklist: ResponseEncodable {}
extension VerificationReceipt: ResponseEncodable {}
extension AssignmentResult: ResponseEncodable {}

/// A worklist as JSON, CSV (a file to save) or a printable HTML page.
struct WorklistFile: ResponseGenerator {
    var worklist: Worklist
    var format: String
    var service: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        let body: String
        switch format {
        case "csv":
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"worklist-\(worklist.regionCode.dotted).csv\""
            body = worklist.csv
        case "html":
            headers[.contentType] = "text/html; charset=utf-8"
            headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'"
            body = worklist.page(service: service, in: Language(request: request))
        default:
            return try worklist.response(from: request, context: context)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
