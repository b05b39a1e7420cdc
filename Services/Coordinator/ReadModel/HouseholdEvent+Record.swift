import EntasAPI
import EntasDomain
import GRDB

extension HouseholdEvent {
    /// Adds an event to its household's history, with a summary built from coded fields only (and agency
    /// identifiers: an assessor, a verifier, a team, a minutes reference; never a person's data).
    /// - Parameter verifiers: the clusters whose verifications count; another cluster's is kept in the history
    ///   without a status, so it changes no view.
    static func record(
        _ payload: EventPayload, _ event: AppliedEvent, key: HouseholdKey, verifiers: Set<Cluster>, _ db: Database
    ) throws {
        var status: PovertyStatus?
        var detail: String?
        var effective = event.time.jakartaDay
        let summary: String
        switch payload {
        case .householdRegistered(let data):
            summary =
                "registered by \(data.registeredBy) in \(data.desaCode)"
                + (data.baselineStatus.map { "; baseline \($0)" } ?? "")
                + "; \(data.criteriaMet.count) criteria met; \(data.memberCount) members"
        case .householdUpdated(let data):
            var fields: [String] = []
            if data.headNIK != nil { fields.append("head of household") }
            if data.headName != nil { fields.append("head's name") }
            if data.address != nil { fields.append("address") }
            if let desa = data.desaCode { fields.append("desa (moved to \(desa))") }
            if let members = data.memberCount { fields.append("members (\(members))") }
            if let criteria = data.criteriaMet { fields.append("criteria (\(criteria.count) met)") }
            summary = "updated by \(data.updatedBy): " + fields.joined(separator: ", ")
        case .householdAssessed(let data):
            status = data.status
            effective = data.assessedOn
            summary = "assessed \(data.status) by \(data.cluster) (\(data.criteriaMet.count) criteria met)"
        case .householdGraduated(let data):
            status = .graduated
            effective = data.graduatedOn
            summary = "graduated by \(data.cluster)"
        case .enrolmentStarted(let data):
            effective = data.startedOn
            summary = "enrolled in \(data.programme) (\(data.strategy)) by \(data.cluster)"
        case .enrolmentEnded(let data):
            effective = data.endedOn
            summary = "left \(data.programme) of \(data.cluster)"
        case .benefitDelivered(let data):
            effective = data.deliveredOn
            var amounts: [String] = []
            if let rupiah = data.amountRupiah { amounts.append("Rp\(rupiah)") }
            if let quantity = data.inKindQuantity, let unit = data.inKindUnit {
                amounts.append("\(quantity.formatted()) \(unit)")
            }
            summary =
                "\(data.programme) delivery by \(data.cluster) for \(data.period): "
                + amounts.joined(separator: " and ")
        case .referralMade(let data):
            effective = data.madeOn
            summary = "referred by \(data.fromCluster) to \(data.toCluster)"
        case .referralAnswered(let data):
            effective = data.answeredOn
            summary = "referral from \(data.fromCluster) \(data.outcome) by \(data.toCluster)"
        case .householdVerified(let data):
            effective = data.verifiedOn
            let counted = verifiers.contains(data.cluster)
            status = counted ? data.status : nil
            summary =
                "verified \(data.status) by \(data.cluster) (\(data.verifier), minutes \(data.minutesReference); "
                + "\(data.criteriaMet.count) criteria met)"
                + (counted ? "" : "; not counted: \(data.cluster) is not a verifying cluster")
        case .verificationRequested(let data):
            effective = data.requestedOn
            summary = "verification requested by \(data.cluster)"
        case .verificationAssigned(let data):
            effective = data.assignedOn
            detail = data.team
            summary = "verification case assigned by \(data.cluster) to team \(data.team) for \(data.areaCode)"
        case .commitmentMade:
            return
        }
        let recorded = event.actorName.map { summary + "; recorded by operator \($0)" } ?? summary
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO householdEvent (eventId, householdKey, ceType, cluster, effectiveDate, eventTime, status, summary, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            event.id, key, event.ceType, payload.statingCluster, effective, event.time, status, recorded, detail,
        ])
    }
}

extension Double {
    /// `15` for 15.0, `2.5` for 2.5.
    fileprivate func formatted() -> String {
        rounded() == self && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}
