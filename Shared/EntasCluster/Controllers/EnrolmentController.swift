import EntasService
import EntasDomain
import Foundation
import Hummingbird

/// `/v1/enrolments`: enrol, end, record and list deliveries.
public struct EnrolmentController: Sendable {
    let store: ClusterStore

    public static let summaries: [String: String] = [
        "POST /v1/enrolments": "Enrol a household in a programme after checking its eligibility rule; publishes enrolment.started",
        "POST /v1/enrolments/{id}/end": "End an enrolment; publishes enrolment.ended",
        "POST /v1/enrolments/{id}/deliveries": "Record a delivery (rupiah or in kind) for a period; publishes benefit.delivered",
        "GET /v1/enrolments/{id}/deliveries": "List an enrolment's deliveries",
    ]

    public func addRoutes(to group: RouterGroup<AgencyRequestContext>) {
        let enrolments = group.group("enrolments")
        enrolments.post { request, context in
            let enrolment = try await request.decodeJSON(as: EnrolmentRequest.self, context: context)
            return EditedResponse(status: .created, response: try await store.enrol(enrolment))
        }
        enrolments.post("{id}/end") { request, context in
            let end = try await request.decodeJSON(as: EndEnrolmentRequest.self, context: context)
            return try await store.endEnrolment(try context.uuid(of: "an enrolment"), end)
        }
        enrolments.post("{id}/deliveries") { request, context in
            let delivery = try await request.decodeJSON(as: DeliveryRequest.self, context: context)
            return EditedResponse(status: .created, response: try await store.recordDelivery(try context.uuid(of: "an enrolment"), delivery))
        }
        enrolments.get("{id}/deliveries") { _, context in
            DeliveryList(deliveries: try await store.deliveries(of: try context.uuid(of: "an enrolment")))
        }
    }

}

public struct DeliveryList: ResponseCodable, Sendable {
    public var deliveries: [Delivery]
}

extension Enrolment: ResponseCodable {}
extension Delivery: ResponseCodable {}
extension Referral: ResponseCodable {}
