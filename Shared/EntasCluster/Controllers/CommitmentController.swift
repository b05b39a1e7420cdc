import EntasService
import EntasDomain
import Foundation
import Hummingbird

/// `/v1/commitments`: what this cluster commits (komitmen) per region, period and programme, with revisions.
public struct CommitmentController: Sendable {
    let store: ClusterStore

    public func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>) {
        let commitments = group.group("commitments")
        commitments.post(summary: "Commit households, deliveries and budget for a region, period and programme; a second commitment for the same three is a revision; publishes commitment.made", body: RequestSchemas.commitment(programmes: store.definition.programmes.map(\.code))) { request, context in
            let commitment = try await request.decodeJSON(as: CommitmentRequest.self, context: context)
            return EditedResponse(status: .created, response: try await store.serving(context).commit(commitment, by: context.holder))
        }
        commitments.get(summary: "Commitments as they stand, with earlier revisions (?region=&period=&programme=)", query: RequestSchemas.commitmentQuery) { request, context in
            let region = try context.scope.filter(try request.query("region") { text in
                let code = try RegionCode(text)
                guard RegionReference.eastJava.contains(code) else { throw RegionCodeError.unknown(code) }
                return code
            })
            let period = try request.query("period") { try Period($0) }
            let programme = request.uri.queryParameters.get("programme")
            return CommitmentList(commitments: try await store.serving(context).commitments(region: region, period: period, programme: programme))
        }
        commitments.get("{id}", summary: "One commitment with its revisions") { _, context in
            try await store.serving(context).commitment(try context.uuid(of: Message("cluster.id.commitment")))
        }
    }
}

/// `GET /v1/commitments`.
public struct CommitmentList: ResponseCodable, Sendable {
    public var commitments: [CommitmentSummary]
}

extension CommitmentSummary: ResponseCodable {}
