import EntasAPI
import EntasDomain
import EntasStore
import GRDB

extension HouseholdEvent {
    /// The event's row in the history of household `key`, with a summary built from coded fields only (and agency
    /// identifiers: an assessor, a verifier, a team, a minutes reference; never a person's data); nil for a
    /// commitment, which has no household. Made as the event is decoded, off the writer thread
    /// (``CoordinatorReadModel/prepare(_:)``): the writer only inserts it (``insert(number:_:)``).
    /// - Parameter verifiers: the clusters whose verifications count; another cluster's is kept in the history
    ///   without a status, so it changes no view.
    init?(_ payload: EventPayload, _ event: AppliedEvent, key: HouseholdKey, verifiers: Set<Cluster>) {
        var status: PovertyStatus?
        var detail: String?
        var effective = event.time.jakartaDay
        let summary: Message
        switch payload {
        case .householdRegistered(let data):
            summary = Message(
                data.baselineStatus == nil ? "coordinator.history.registered" : "coordinator.history.registeredWithBaseline",
                .text("\(data.registeredBy)"), .text(data.desaCode.description), .count(data.criteriaMet.count), .count(data.memberCount),
                .text(data.baselineStatus.map { "\($0)" } ?? ""))
        case .householdUpdated(let data):
            var fields: [String] = []
            if data.headNIK != nil { fields.append("headNIK") }
            if data.headName != nil { fields.append("headName") }
            if data.address != nil { fields.append("address") }
            if let desa = data.desaCode { fields.append("desaCode \(desa)") }
            if let members = data.memberCount { fields.append("memberCount \(members)") }
            if let criteria = data.criteriaMet { fields.append("criteriaMet \(criteria.count)") }
            summary = Message("coordinator.history.updated", .text("\(data.updatedBy)"), .text(fields.joined(separator: ", ")))
        case .householdAssessed(let data):
            status = data.status
            effective = data.assessedOn
            summary = Message(
                "coordinator.history.assessed", .text("\(data.status)"), .text("\(data.cluster)"), .count(data.criteriaMet.count))
        case .householdGraduated(let data):
            status = .graduated
            effective = data.graduatedOn
            summary = Message("coordinator.history.graduated", .text("\(data.cluster)"))
        case .enrolmentStarted(let data):
            effective = data.startedOn
            summary = Message("coordinator.history.enrolled", .text(data.programme), .text("\(data.strategy)"), .text("\(data.cluster)"))
        case .enrolmentEnded(let data):
            effective = data.endedOn
            summary = Message("coordinator.history.left", .text(data.programme), .text("\(data.cluster)"))
        case .benefitDelivered(let data):
            effective = data.deliveredOn
            let inKind = data.inKindQuantity.flatMap { quantity in data.inKindUnit.map { "\(quantity.formatted()) \($0)" } }
            let what: [Message.Argument] = [.text(data.programme), .text("\(data.cluster)"), .text(data.period.description)]
            summary =
                switch (data.amountRupiah, inKind) {
                case (let rupiah?, let inKind?): Message("coordinator.history.deliveredBoth", arguments: what + [.rupiah(rupiah), .text(inKind)])
                case (let rupiah?, nil): Message("coordinator.history.deliveredCash", arguments: what + [.rupiah(rupiah)])
                case (nil, let inKind?): Message("coordinator.history.deliveredInKind", arguments: what + [.text(inKind)])
                case (nil, nil): Message("coordinator.history.delivered", arguments: what)
                }
        case .referralMade(let data):
            effective = data.madeOn
            summary = Message("coordinator.history.referred", .text("\(data.fromCluster)"), .text("\(data.toCluster)"))
        case .referralAnswered(let data):
            effective = data.answeredOn
            summary = Message(
                "coordinator.history.referralAnswered", .text("\(data.fromCluster)"), .text("\(data.outcome)"), .text("\(data.toCluster)"))
        case .householdVerified(let data):
            effective = data.verifiedOn
            let counted = verifiers.contains(data.cluster)
            status = counted ? data.status : nil
            summary = Message(
                counted ? "coordinator.history.verified" : "coordinator.history.verifiedNotCounted", .text("\(data.status)"),
                .text("\(data.cluster)"), .text(data.verifier), .text(data.minutesReference), .count(data.criteriaMet.count))
        case .verificationRequested(let data):
            effective = data.requestedOn
            summary = Message("coordinator.history.verificationRequested", .text("\(data.cluster)"))
        case .verificationAssigned(let data):
            effective = data.assignedOn
            detail = data.team
            summary = Message(
                "coordinator.history.verificationAssigned", .text("\(data.cluster)"), .text(data.team), .text(data.areaCode.description))
        case .commitmentMade:
            return nil
        }
        self.init(
            eventId: event.id, householdKey: key, ceType: event.ceType, cluster: payload.statingCluster,
            effectiveDate: effective, eventTime: event.time, status: status,
            summary: HistorySummary.stored(summary, recordedBy: event.actorName), detail: detail)
    }

    /// Adds the row to its household's history, which stores the household's number (``HouseholdNumber``).
    func insert(number: Int64, _ db: Database) throws {
        try DirectStatement(
            db,
            sql: """
                INSERT INTO historyByHousehold (eventId, household, ceType, cluster, effectiveDate, eventTime, status, summary, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(eventId, number, ceType, cluster, effectiveDate, eventTime, status, summary, detail)
    }
}

extension Double {
    /// `15` for 15.0, `2.5` for 2.5.
    fileprivate func formatted() -> String {
        rounded() == self && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}
