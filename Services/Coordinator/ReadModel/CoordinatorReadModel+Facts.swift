import EntasAPI
import EntasDomain
import EntasStore
import Foundation
import GRDB

extension CoordinatorReadModel {
    /// Stores what a household event states, beyond where the household lives.
    func applyFacts(
        of payload: EventPayload, _ event: AppliedEvent, to change: inout HouseholdChange, _ db: Database
    ) throws {
        let key = change.household.key
        let number = change.number
        switch payload {
        case .householdRegistered(let data):
            if let registeredAt = change.household.registeredAt, let registeredBy = change.household.registeredBy,
                (registeredAt, registeredBy.rawValue) <= (event.time, data.registeredBy.rawValue)
            {
                // An earlier registration is already known.
            } else {
                change.household.registeredAt = event.time
                change.household.registeredBy = data.registeredBy
            }
            if let baseline = data.baselineStatus {
                // Dated to its survey, so the progress line starts there, not at the registration.
                let surveyed = (data.baselinePeriod ?? HouseholdRegistered.defaultBaselinePeriod).firstDay
                change.household.adopt(
                    BaselineFact(
                        status: baseline, source: .registration,
                        order: FactOrder(day: surveyed, time: event.time, eventId: event.id)))
            }
        case .householdUpdated:
            break  // the move, if any, is the location fact
        case .householdAssessed(let data):
            let order = FactOrder(day: data.assessedOn, time: event.time, eventId: event.id)
            try ClusterAssessment(
                householdKey: key, cluster: data.cluster, status: data.status,
                criteriaMetCount: data.criteriaMet.count, source: .assessment, assessedOn: data.assessedOn,
                eventTime: event.time, eventId: event.id
            ).saveIfLatest(number: number, db)
            change.updateFacts { $0.add(StatusFact(cluster: data.cluster, status: data.status, order: order)) }
            change.household.adopt(BaselineFact(status: data.status, source: .assessment, order: order))
        case .householdGraduated(let data):
            try ClusterAssessment(
                householdKey: key, cluster: data.cluster, status: .graduated, criteriaMetCount: nil,
                source: .graduation, assessedOn: data.graduatedOn, eventTime: event.time, eventId: event.id
            ).saveIfLatest(number: number, db)
            let order = FactOrder(day: data.graduatedOn, time: event.time, eventId: event.id)
            change.updateFacts { $0.add(StatusFact(cluster: data.cluster, status: .graduated, order: order)) }
        case .enrolmentStarted(let data):
            let id = data.enrolmentID.lowercaseText
            let existing = change.facts?.enrolment(id)
            var enrolment =
                existing
                ?? Enrolment(
                    enrolmentID: id, householdKey: key, cluster: data.cluster, programme: data.programme,
                    desaCode: data.desaCode)
            enrolment.cluster = data.cluster
            enrolment.programme = data.programme
            enrolment.strategy = data.strategy
            enrolment.desaCode = data.desaCode
            enrolment.startedOn = data.startedOn
            enrolment.memberKey = data.memberNIK.map { PersonKey(nik: $0, keying: keying).rawValue }
            try write(enrolment, number: number, id: data.enrolmentID, new: existing == nil, db)
            change.updateFacts { $0.set(enrolment) }
            change.strategyChanges.add(existing?.startedCells ?? [:], negated: true)
            change.strategyChanges.add(enrolment.startedCells)
        case .enrolmentEnded(let data):
            let id = data.enrolmentID.lowercaseText
            let existing = change.facts?.enrolment(id)
            var enrolment =
                existing
                ?? Enrolment(
                    enrolmentID: id, householdKey: key, cluster: data.cluster, programme: data.programme,
                    desaCode: data.desaCode)
            enrolment.endedOn = data.endedOn
            try write(enrolment, number: number, id: data.enrolmentID, new: existing == nil, db)
            change.updateFacts { $0.set(enrolment) }
        case .benefitDelivered(let data):
            let delivery = Delivery(
                deliveryID: data.deliveryID.lowercaseText,
                enrolmentID: data.enrolmentID.lowercaseText, householdKey: key, cluster: data.cluster,
                programme: data.programme, strategy: data.strategy, desaCode: data.desaCode,
                amountRupiah: data.amountRupiah, inKindQuantity: data.inKindQuantity, inKindUnit: data.inKindUnit,
                period: data.period, deliveredOn: data.deliveredOn)
            // Almost always a new delivery: inserted without a read. One already stored (a correction under
            // the same id) is read, checked to be this household's, and replaced.
            if try !delivery.insertIfNew(number: number, db) {
                let existing = try fetchOwned(Delivery.self, id: data.deliveryID, kind: "delivery", key: key, db)
                try delivery.write(number: number, db)
                change.strategyChanges.add(existing?.cells ?? [:], negated: true)
            }
            change.strategyChanges.add(delivery.cells)
        case .referralMade(let data):
            var referral = try referral(data.referralID, data.fromCluster, data.toCluster, key: key, db)
            referral.reason = data.reason
            referral.madeOn = data.madeOn
            try referral.write(number: number, db)
        case .referralAnswered(let data):
            var referral = try referral(data.referralID, data.fromCluster, data.toCluster, key: key, db)
            referral.outcome = data.outcome
            referral.note = data.note
            referral.answeredOn = data.answeredOn
            try referral.write(number: number, db)
        case .householdVerified(let data):
            guard verifiers.contains(data.cluster) else { break }
            let order = FactOrder(day: data.verifiedOn, time: event.time, eventId: event.id)
            change.updateFacts {
                $0.add(StatusFact(cluster: data.cluster, status: data.status, order: order, isVerification: true))
            }
        case .verificationRequested(let data):
            let order = FactOrder(day: data.requestedOn, time: event.time, eventId: event.id)
            change.updateFacts { $0.add(CaseStep(kind: .request, cluster: data.cluster, order: order)) }
        case .verificationAssigned(let data):
            let order = FactOrder(day: data.assignedOn, time: event.time, eventId: event.id)
            change.updateFacts {
                $0.add(CaseStep(kind: .assignment, cluster: data.cluster, team: data.team, order: order))
            }
        case .commitmentMade:
            break
        }
    }

    /// Writes an enrolment of the household: one the household already has is replaced; a new one is inserted
    /// unless its id belongs to another household's enrolment, which is refused.
    private func write(_ enrolment: Enrolment, number: Int64, id: UUID, new: Bool, _ db: Database) throws {
        guard new else { return try enrolment.write(number: number, db) }
        guard try enrolment.insertIfNew(number: number, db) else {
            throw CoordinatorReadModelError.idOfAnotherHousehold(kind: "enrolment", id: id)
        }
    }

    /// The row with this id, checking that it belongs to the household `key`.
    private func fetchOwned<Record: FetchableRecord & TableRecord & HouseholdOwned>(
        _ type: Record.Type, id: UUID, kind: String, key: HouseholdKey, _ db: Database
    ) throws -> Record? {
        guard let record = try Record.fetchOne(db, cachedWhere: Record.idColumn, equals: id.lowercaseText)
        else { return nil }
        guard record.householdKey == key else {
            throw CoordinatorReadModelError.idOfAnotherHousehold(kind: kind, id: id)
        }
        return record
    }

    private func referral(
        _ id: UUID, _ from: Cluster, _ to: Cluster, key: HouseholdKey, _ db: Database
    ) throws -> Referral {
        try fetchOwned(Referral.self, id: id, kind: "referral", key: key, db)
            ?? Referral(referralID: id.lowercaseText, householdKey: key, fromCluster: from, toCluster: to)
    }
}

/// A record that belongs to one household.
protocol HouseholdOwned {
    /// The primary key column: the lowercase UUID the events name the record by.
    static var idColumn: String { get }
    var householdKey: HouseholdKey { get }
}

extension Enrolment: HouseholdOwned {
    static let idColumn = "enrolmentID"

    init(enrolmentID: String, householdKey: HouseholdKey, cluster: Cluster, programme: String, desaCode: RegionCode) {
        self.init(
            enrolmentID: enrolmentID, householdKey: householdKey, cluster: cluster, programme: programme,
            strategy: nil, desaCode: desaCode, startedOn: nil, endedOn: nil)
    }
}

extension Delivery: HouseholdOwned {
    static let idColumn = "deliveryID"
}

extension Referral: HouseholdOwned {
    static let idColumn = "referralID"

    init(referralID: String, householdKey: HouseholdKey, fromCluster: Cluster, toCluster: Cluster) {
        self.init(
            referralID: referralID, householdKey: householdKey, fromCluster: fromCluster, toCluster: toCluster,
            reason: nil, madeOn: nil, outcome: nil, note: nil, answeredOn: nil)
    }
}
