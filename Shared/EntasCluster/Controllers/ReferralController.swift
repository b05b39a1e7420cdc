import EntasService
import EntasDomain
import Foundation
import Hummingbird

/// `/v1/referrals`: refer a household to another cluster, and answer referrals made to this one.
public struct ReferralController: Sendable {
    let store: ClusterStore

    public static let summaries: [String: String] = [
        "POST /v1/referrals": "Refer a household to another cluster; publishes referral.made",
        "GET /v1/referrals/incoming": "Referrals other clusters made to this one (?open=true for unanswered only)",
        "GET /v1/referrals/outgoing": "Referrals this cluster made, with their answers",
        "GET /v1/referrals/{id}": "One referral",
        "POST /v1/referrals/{id}/accept": "Accept a referral made to this cluster; publishes referral.answered",
        "POST /v1/referrals/{id}/decline": "Decline a referral made to this cluster; publishes referral.answered",
    ]

    public func addRoutes(to group: RouterGroup<AgencyRequestContext>) {
        let referrals = group.group("referrals")
        referrals.post { request, context in
            let referral = try await request.decodeJSON(as: ReferralRequest.self, context: context)
            return EditedResponse(status: .created, response: try await store.refer(referral))
        }
        referrals.get("incoming") { request, _ in
            ReferralList(referrals: try await store.incomingReferrals(openOnly: request.uri.queryParameters.get("open") == "true"))
        }
        referrals.get("outgoing") { _, _ in
            ReferralList(referrals: try await store.outgoingReferrals())
        }
        referrals.get("{id}") { _, context in
            try await store.referral(try context.uuid(of: "a referral"))
        }
        for outcome in ReferralOutcome.allCases {
            referrals.post("{id}/\(outcome == .accepted ? "accept" : "decline")") { request, context in
                let answer = try await Self.optionalBody(request, context)
                return try await store.answer(try context.uuid(of: "a referral"), outcome, answer)
            }
        }
    }


    /// The answer's body is optional: an empty body accepts or declines with no note.
    static func optionalBody(_ request: Request, _ context: AgencyRequestContext) async throws -> ReferralAnswerRequest {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return ReferralAnswerRequest(note: nil, answeredOn: nil) }
        return try JSONDecoder().decode(ReferralAnswerRequest.self, from: Data(buffer.readableBytesView))
    }
}

public struct ReferralList: ResponseCodable, Sendable {
    public var referrals: [Referral]
}
