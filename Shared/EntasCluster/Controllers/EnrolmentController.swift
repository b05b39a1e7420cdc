import EntasService
import EntasDomain
import Foundation
import Hummingbird

/// `/v1/enrolments`: enrol, end, record and list deliveries.
public struct EnrolmentController: Sendable {
    let store: ClusterStore

    public func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>) {
        let enrolments = group.group("enrolments")
        enrolments.post(summary: "Enrol a household in a programme after checking its eligibility rule; publishes enrolment.started", body: RequestSchemas.enrolment(programmes: store.definition.programmes.map(\.code))) { request, context in
            let enrolment = try await request.decodeJSON(as: EnrolmentRequest.self, context: context)
            return EditedResponse(status: .created, response: try await store.serving(context).enrol(enrolment))
        }
        enrolments.post("{id}/end", summary: "End an enrolment; publishes enrolment.ended", body: RequestSchemas.enrolmentEnd) { request, context in
            let end = try await request.decodeJSON(as: EndEnrolmentRequest.self, context: context)
            return try await store.serving(context).endEnrolment(try context.uuid(of: Message("cluster.id.enrolment")), end)
        }
        enrolments.post("{id}/deliveries", summary: "Record a delivery (rupiah or in kind) for a period; publishes benefit.delivered", body: RequestSchemas.delivery) { request, context in
            let delivery = try await request.decodeJSON(as: DeliveryRequest.self, context: context)
            return EditedResponse(status: .created, response: try await store.serving(context).recordDelivery(try context.uuid(of: Message("cluster.id.enrolment")), delivery))
        }
        enrolments.get("{id}/deliveries", summary: "List an enrolment's deliveries") { _, context in
            DeliveryList(deliveries: try await store.serving(context).deliveries(of: try context.uuid(of: Message("cluster.id.enrolment"))))
        }
    }
}

public struct DeliveryList: ResponseCodable, Sendable {
    public var deliveries: [Delivery]
}

extension Enrolment: ResponseCodable {}
extension Delivery: ResponseCodable {}
extension Referral: ResponseCodable {}
