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
                change.household.adopt(
                    BaselineFact(
                        status: baseline, source: .registration, order: FactOrder(time: event.time, eventId: event.id)))
            }
        case .householdUpdated:
            break  // the move, if any, is the location fact
        case .householdAssessed(let data):
            let order = FactOrder(day: data.assessedOn, time: event.time, eventId: event.id)
            try ClusterAssessment(
                householdKey: key, cluster: data.cluster, status: data.status,
                criteriaMetCount: data.criteriaMet.count, source: .assessment, assessedOn: data.assessedOn,
                eventTime: event.time, eventId: event.id
            ).saveIfLatest(db)
            change.household.adopt(BaselineFact(status: data.status, source: .assessment, order: order))
        case .householdGraduated(let data):
            try ClusterAssessment(
                householdKey: key, cluster: data.cluster, status: .graduated, criteriaMetCount: nil,
                source: .graduation, assessedOn: data.graduatedOn, eventTime: event.time, eventId: event.id
            ).saveIfLatest(db)
        case .enrolmentStarted(let data):
            let existing = try fetchOwned(Enrolment.self, id: data.enrolmentID, kind: "enrolment", key: key, db)
            var enrolment =
                existing
                ?? Enrolment(
                    enrolmentID: data.enrolmentID.uuidString.lowercased(), householdKey: key, cluster: data.cluster,
                    programme: data.programme, desaCode: data.desaCode)
            enrolment.cluster = data.cluster
            enrolment.programme = data.programme
            enrolment.strategy = data.strategy
            enrolment.desaCode = data.desaCode
            enrolment.startedOn = data.startedOn
            try enrolment.upsert(db)
            change.strategyChanges.add(existing?.startedCells ?? [:], negated: true)
            change.strategyChanges.add(enrolment.startedCells)
        case .enrolmentEnded(let data):
            var enrolment =
                try fetchOwned(Enrolment.self, id: data.enrolmentID, kind: "enrolment", key: key, db)
                ?? Enrolment(
                    enrolmentID: data.enrolmentID.uuidString.lowercased(), householdKey: key, cluster: data.cluster,
                    programme: data.programme, desaCode: data.desaCode)
            enrolment.endedOn = data.endedOn
            try enrolment.upsert(db)
        case .benefitDelivered(let data):
            let existing = try fetchOwned(Delivery.self, id: data.deliveryID, kind: "delivery", key: key, db)
            let delivery = Delivery(
                deliveryID: data.deliveryID.uuidString.lowercased(),
                enrolmentID: data.enrolmentID.uuidString.lowercased(), householdKey: key, cluster: data.cluster,
                programme: data.programme, strategy: data.strategy, desaCode: data.desaCode,
                amountRupiah: data.amountRupiah, inKindQuantity: data.inKindQuantity, inKindUnit: data.inKindUnit,
                period: data.period, deliveredOn: data.deliveredOn)
            try delivery.upsert(db)
            change.strategyChanges.add(existing?.cells ?? [:], negated: true)
            change.strategyChanges.add(delivery.cells)
        case .referralMade(let data):
            var referral = try referral(data.referralID, data.fromCluster, data.toCluster, key: key, db)
            referral.reason = data.reason
            referral.madeOn = data.madeOn
            try referral.upsert(db)
        case .referralAnswered(let data):
            var referral = try referral(data.referralID, data.fromCluster, data.toCluster, key: key, db)
            referral.outcome = data.outcome
            referral.note = data.note
            referral.answeredOn = data.answeredOn
            try referral.upsert(db)
        case .commitmentMade:
            break
        }
    }

    /// The row with this id, checking that it belongs to the household `key`.
    private func fetchOwned<Record: FetchableRecord & TableRecord & HouseholdOwned>(
        _ type: Record.Type, id: UUID, kind: String, key: HouseholdKey, _ db: Database
    ) throws -> Record? {
        guard let record = try Record.fetchOne(db, cachedWhere: Record.idColumn, equals: id.uuidString.lowercased())
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
            ?? Referral(referralID: id.uuidString.lowercased(), householdKey: key, fromCluster: from, toCluster: to)
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
