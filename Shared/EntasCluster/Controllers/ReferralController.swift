import EntasService
import EntasDomain
import Foundation
import Hummingbird

/// `/v1/referrals`: refer a household to another cluster, and answer referrals made to this one.
public struct ReferralController: Sendable {
    let store: ClusterStore

    public func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>) {
        let referrals = group.group("referrals")
        referrals.post(summary: "Refer a household to another cluster; publishes referral.made", body: RequestSchemas.referral) { request, context in
            let referral = try await request.decodeJSON(as: ReferralRequest.self, context: context)
            return EditedResponse(status: .created, response: try await store.serving(context).refer(referral))
        }
        referrals.get("incoming", summary: "Referrals other clusters made to this one (?open=true for unanswered only)") { request, context in
            ReferralList(referrals: try await store.serving(context).incomingReferrals(openOnly: request.uri.queryParameters.get("open") == "true"))
        }
        referrals.get("outgoing", summary: "Referrals this cluster made, with their answers") { _, context in
            ReferralList(referrals: try await store.serving(context).outgoingReferrals())
        }
        referrals.get("{id}", summary: "One referral") { _, context in
            try await store.serving(context).referral(try context.uuid(of: Message("cluster.id.referral")))
        }
        for outcome in ReferralOutcome.allCases {
            let verb = outcome == .accepted ? "accept" : "decline"
            let summary = outcome == .accepted
                ? "Accept a referral made to this cluster; publishes referral.answered"
                : "Decline a referral made to this cluster; publishes referral.answered"
            referrals.post("{id}/\(verb)", summary: summary, body: RequestSchemas.referralAnswer) { request, context in
                let answer = try await Self.optionalBody(request, context)
                return try await store.serving(context).answer(try context.uuid(of: Message("cluster.id.referral")), outcome, answer)
            }
        }
    }

    /// The answer's body is optional: an empty body accepts or declines with no note.
    static func optionalBody(_ request: Request, _ context: AgencyRequestContext) async throws -> ReferralAnswerRequest {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return ReferralAnswerRequest(note: nil, answeredOn: nil) }
        return try JSONDecoder().decode(ReferralAnswerRequest.self, from: try JSONText.cleaned(Data(buffer.readableBytesView)))
    }
}

public struct ReferralList: ResponseCodable, Sendable {
    public var referrals: [Referral]
}
