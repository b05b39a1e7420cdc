import EntasService
import EntasDomain
import EntasStore
import Foundation
import GRDB

/// `POST /v1/enrolments`.
public struct EnrolmentRequest: Codable, Sendable {
    public var kkNumber: KKNumber
    public var programme: String
    public var startedOn: CalendarDate
    /// The member enrolled, for a programme of one person (PIP: the pupil's NIK).
    public var memberNIK: NIK?

    public init(kkNumber: KKNumber, programme: String, startedOn: CalendarDate, memberNIK: NIK? = nil) {
        self.kkNumber = kkNumber
        self.programme = programme
        self.startedOn = startedOn
        self.memberNIK = memberNIK
    }
}

/// `POST /v1/enrolments/{id}/end`.
public struct EndEnrolmentRequest: Codable, Sendable {
    public var endedOn: CalendarDate
    public var reason: String

    public init(endedOn: CalendarDate, reason: String) {
        self.endedOn = endedOn
        self.reason = reason
    }
}

/// `POST /v1/enrolments/{id}/deliveries`: rupiah, or a quantity in kind, for a period.
public struct DeliveryRequest: Codable, Sendable {
    public var amountRupiah: Int64?
    public var inKindQuantity: Double?
    public var inKindUnit: String?
    public var period: Period
    public var deliveredOn: CalendarDate
    /// The member the benefit went to; a member's enrolment (PIP) names its member without it.
    public var memberNIK: NIK?

    public init(
        amountRupiah: Int64? = nil, inKindQuantity: Double? = nil, inKindUnit: String? = nil, period: Period, deliveredOn: CalendarDate,
        memberNIK: NIK? = nil
    ) {
        self.memberNIK = memberNIK
        self.amountRupiah = amountRupiah
        self.inKindQuantity = inKindQuantity
        self.inKindUnit = inKindUnit
        self.period = period
        self.deliveredOn = deliveredOn
    }
}

/// `POST /v1/households/{kk}/graduation`.
public struct GraduationRequest: Codable, Sendable {
    public var reason: String
    public var graduatedOn: CalendarDate
}

extension ClusterStore {
    /// Enrols a household in one of this cluster's programmes after checking its rule;
    /// publishes `enrolment.started`. Refused (422 `not-eligible`) when the rule is not met,
    /// 409 when the household is already enrolled in that programme.
    public func enrol(_ request: EnrolmentRequest) async throws -> Enrolment {
        try await database.write { db in try enrol(request, in: db) }
    }

    /// Enrols within the caller's transaction, so a cluster's own record (a group
    /// membership, an approved loan) and its enrolment are written together.
    package func enrol(_ request: EnrolmentRequest, in db: Database) throws -> Enrolment {
        guard let programme = definition.programme(request.programme) else {
            throw ProblemDocument.invalidField(
                "programme",
                Message(
                    "cluster.enrol.unknownProgramme", .text(request.programme), .text(cluster.indonesianName),
                    .text(definition.programmes.map(\.code).joined(separator: ", "))))
        }
        let household = try requireHousehold(request.kkNumber, in: db)
        if try Graduation.fetchOne(db, cachedWhere: "kkNumber", equals: request.kkNumber) != nil {
            throw ProblemDocument.conflict(Message("cluster.enrol.graduated", .text(cluster.indonesianName)), code: "graduated")
        }
        let own = try HouseholdStatus.fetchOne(db, cachedWhere: "kkNumber", equals: request.kkNumber)
        let members = try HouseholdMember.members(of: request.kkNumber, in: db)
        let member = try enrolledMember(request, of: programme, among: members)
        let facts = HouseholdFacts(
            status: own?.status ?? household.baselineStatus, memberCount: household.memberCount, criteriaMet: Set(household.criteriaMet),
            members: members, member: member, date: request.startedOn)
        if let refusal = programme.eligibility.refusal(for: facts) {
            throw ProblemDocument(
                status: .unprocessableContent, code: "not-eligible",
                title: Message("cluster.enrol.notEligible.title", .text(programme.indonesianName)),
                detail: Message(
                    "cluster.enrol.notEligible.detail", .domain(refusal), .text(programme.indonesianName),
                    .domain(programme.eligibility.summary)),
                field: member == nil ? "kkNumber" : "memberNIK")
        }
        guard try activeEnrolment(request.kkNumber, programme.code, member: member?.nik, in: db) == nil else {
            let detail =
                member == nil
                ? Message("cluster.enrol.householdAlreadyEnrolled", .text(programme.indonesianName))
                : Message("cluster.enrol.memberAlreadyEnrolled", .text(programme.indonesianName))
            throw ProblemDocument.conflict(detail, code: "already-enrolled")
        }
        let components = programme.code == SocialAidProgrammes.pkh.code ? PKHComponent.components(of: members, on: request.startedOn) : []
        let enrolment = Enrolment(
            id: .timeOrdered(), kkNumber: request.kkNumber, programme: programme.code, strategy: programme.strategy,
            startedOn: request.startedOn, endedOn: nil, endReason: nil, memberNIK: member?.nik,
            pkhComponents: components.isEmpty ? nil : components)
        try publish(
            .enrolmentStarted(
                EnrolmentStarted(
                    enrolmentID: enrolment.id, kkNumber: request.kkNumber, desaCode: household.desaCode, cluster: cluster,
                    programme: programme.code, strategy: programme.strategy, startedOn: request.startedOn,
                    memberNIK: enrolment.memberNIK, pkhComponents: enrolment.pkhComponents)), in: db)
        try enrolment.insert(db)
        return enrolment
    }

    /// The member `request` enrols: required by a programme of one person, refused by one of the household.
    private func enrolledMember(_ request: EnrolmentRequest, of programme: Programme, among members: [HouseholdMember]) throws -> HouseholdMember? {
        guard programme.enrolsMember else {
            if request.memberNIK != nil {
                throw ProblemDocument.invalidField("memberNIK", Message("cluster.enrol.wholeHousehold", .text(programme.indonesianName)))
            }
            return nil
        }
        guard let nik = request.memberNIK else {
            throw ProblemDocument.invalidField("memberNIK", Message("cluster.enrol.oneMember", .text(programme.indonesianName)))
        }
        guard let member = members.first(where: { $0.nik == nik }) else { throw Self.notAMember(nik) }
        return member
    }

    /// The household's active enrolment in a programme (of `member`, for a programme of one person), if any.
    package func activeEnrolment(_ kk: KKNumber, _ programme: String, member: NIK? = nil, in db: Database) throws -> Enrolment? {
        try SQLRequest<Enrolment>(
            sql: "SELECT * FROM enrolment WHERE kkNumber = ? AND programme = ? AND ifnull(memberNIK, '') = ? AND endedOn IS NULL",
            arguments: [kk, programme, member?.rawValue ?? ""], cached: true
        ).fetchOne(db)
    }

    package func requireEnrolment(_ id: UUID, in db: Database) throws -> Enrolment {
        guard let enrolment = try Enrolment.fetchOne(db, cachedWhere: "id", equals: id.lowercaseText) else {
            throw ProblemDocument.notFound(Message("cluster.enrolment.notFound", .text(id.lowercaseText), .text(cluster.indonesianName)))
        }
        if !scope.isProvince { _ = try requireHousehold(enrolment.kkNumber, in: db) }
        return enrolment
    }

    /// Ends an enrolment; publishes `enrolment.ended`.
    public func endEnrolment(_ id: UUID, _ request: EndEnrolmentRequest) async throws -> Enrolment {
        try await database.write { db in try endEnrolment(id, request, in: db) }
    }

    package func endEnrolment(_ id: UUID, _ request: EndEnrolmentRequest, in db: Database) throws -> Enrolment {
        var enrolment = try requireEnrolment(id, in: db)
        guard enrolment.isActive else { throw ProblemDocument.conflict(Message("cluster.enrolment.alreadyEnded"), code: "already-ended") }
        guard request.endedOn >= enrolment.startedOn else {
            throw ProblemDocument.invalidField("endedOn", Message("cluster.enrolment.endsBeforeStart", .day(request.endedOn), .day(enrolment.startedOn)))
        }
        let household = try requireHousehold(enrolment.kkNumber, in: db)
        try publish(
            .enrolmentEnded(
                EnrolmentEnded(
                    enrolmentID: id, kkNumber: enrolment.kkNumber, desaCode: household.desaCode, cluster: cluster,
                    programme: enrolment.programme, endedOn: request.endedOn, reason: request.reason)), in: db)
        enrolment.endedOn = request.endedOn
        enrolment.endReason = request.reason
        try enrolment.update(db)
        return enrolment
    }

    /// Records a delivery under an active enrolment; publishes `benefit.delivered`.
    public func recordDelivery(_ enrolmentID: UUID, _ request: DeliveryRequest) async throws -> Delivery {
        try await database.write { db in try recordDelivery(enrolmentID, request, in: db) }
    }

    package func recordDelivery(_ enrolmentID: UUID, _ request: DeliveryRequest, in db: Database) throws -> Delivery {
        let enrolment = try requireEnrolment(enrolmentID, in: db)
        guard enrolment.isActive else { throw ProblemDocument.conflict(Message("cluster.delivery.enrolmentEnded"), code: "enrolment-ended") }
        let household = try requireHousehold(enrolment.kkNumber, in: db)
        let member = request.memberNIK ?? enrolment.memberNIK
        if let member {
            if let enrolled = enrolment.memberNIK, enrolled != member {
                throw ProblemDocument.invalidField("memberNIK", Message("cluster.delivery.otherMember", .text(enrolled.masked)))
            }
            guard try HouseholdMember.members(of: enrolment.kkNumber, in: db).contains(where: { $0.nik == member }) else {
                throw Self.notAMember(member)
            }
        }
        let delivery = Delivery(
            id: .timeOrdered(), enrolmentId: enrolmentID, amountRupiah: request.amountRupiah, inKindQuantity: request.inKindQuantity,
            inKindUnit: request.inKindUnit, period: request.period, deliveredOn: request.deliveredOn, memberNIK: member)
        try publish(
            .benefitDelivered(
                BenefitDelivered(
                    deliveryID: delivery.id, enrolmentID: enrolmentID, kkNumber: enrolment.kkNumber, desaCode: household.desaCode,
                    cluster: cluster, programme: enrolment.programme, strategy: enrolment.strategy, amountRupiah: request.amountRupiah,
                    inKindQuantity: request.inKindQuantity, inKindUnit: request.inKindUnit, period: request.period,
                    deliveredOn: request.deliveredOn, memberNIK: member)), in: db)
        try delivery.insert(db)
        return delivery
    }

    /// A one-off benefit (relief after a shock, a training session): delivered under the
    /// household's running enrolment in `programme` if it has one, else under a new enrolment
    /// (eligibility checked) that ends the same day with `reason`, so one payment does not
    /// count the household as covered for ever. Within the caller's transaction.
    package func deliverOnce(
        _ kk: KKNumber, programme: String, _ delivery: DeliveryRequest, endReason: String, in db: Database
    ) throws -> (enrolment: Enrolment, delivery: Delivery) {
        let running = try activeEnrolment(kk, programme, in: db)
        let enrolment = try running ?? enrol(EnrolmentRequest(kkNumber: kk, programme: programme, startedOn: delivery.deliveredOn), in: db)
        let recorded = try recordDelivery(enrolment.id, delivery, in: db)
        guard running == nil else { return (enrolment, recorded) }
        return (try endEnrolment(enrolment.id, EndEnrolmentRequest(endedOn: delivery.deliveredOn, reason: endReason), in: db), recorded)
    }

    public func deliveries(of enrolmentID: UUID) async throws -> [Delivery] {
        try await database.read { db in
            _ = try requireEnrolment(enrolmentID, in: db)
            return try Delivery.filter(Delivery.Columns.enrolmentId == enrolmentID.lowercaseText).order(Column("deliveredOn")).fetchAll(db)
        }
    }

    /// Marks a household as having left poverty for this cluster's purposes, ends its active
    /// enrolments here, and publishes `household.graduated` (and `enrolment.ended` for each).
    public func graduate(_ kk: KKNumber, _ request: GraduationRequest) async throws -> HouseholdView {
        try await database.write { db in try view(of: graduate(kk, request, in: db), in: db) }
    }

    @discardableResult
    package func graduate(_ kk: KKNumber, _ request: GraduationRequest, in db: Database) throws -> HouseholdReplica {
        let household = try requireHousehold(kk, in: db)
        guard try Graduation.fetchOne(db, cachedWhere: "kkNumber", equals: kk) == nil else {
            throw ProblemDocument.conflict(Message("cluster.graduation.already", .text(cluster.indonesianName)), code: "already-graduated")
        }
        for var enrolment in try Enrolment.filter(Enrolment.Columns.kkNumber == kk).filter(Enrolment.Columns.endedOn == nil).fetchAll(db) {
            let endedOn = max(request.graduatedOn, enrolment.startedOn)
            try publish(
                .enrolmentEnded(
                    EnrolmentEnded(
                        enrolmentID: enrolment.id, kkNumber: kk, desaCode: household.desaCode, cluster: cluster,
                        programme: enrolment.programme, endedOn: endedOn, reason: "graduated: \(request.reason)")), in: db)
            enrolment.endedOn = endedOn
            enrolment.endReason = "graduated: \(request.reason)"
            try enrolment.update(db)
        }
        try publish(
            .householdGraduated(
                HouseholdGraduated(kkNumber: kk, desaCode: household.desaCode, cluster: cluster, reason: request.reason, graduatedOn: request.graduatedOn)),
            in: db)
        try Graduation(kkNumber: kk, reason: request.reason, graduatedOn: request.graduatedOn).insert(db)
        return household
    }
}
