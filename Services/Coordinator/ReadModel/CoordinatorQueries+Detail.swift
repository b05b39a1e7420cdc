import EntasAPI
import EntasDomain
import Foundation

extension CoordinatorQueries {
    /// A household's rows as the API shows them.
    func detail(_ facts: HouseholdFacts) -> HouseholdDetail {
        let household = facts.household
        let consensus = household.consensusStatus
        return HouseholdDetail(
            key: household.key, maskedKK: household.maskedKK,
            desa: regionName(household.desaCode), kecamatan: regionName(household.kecamatanCode),
            kabupaten: regionName(household.kabupatenCode),
            baselineStatus: household.baselineStatus, baselineSource: household.baselineSource,
            consensusStatus: consensus, hasConflict: household.hasConflict, isGap: household.isGap,
            uncovered: ConsensusRule.isUncovered(consensus: consensus, coveredBy: household.coverage),
            coveredBy: Self.sorted(household.coverage),
            registeredAt: household.registeredAt?.date, registeredBy: household.registeredBy,
            updatedAt: household.updatedAt.date,
            assessments: Self.sorted(facts.assessments).map(ClusterStatus.init),
            verification: household.caseSummary(today: .today()),
            enrolments: facts.enrolments
                .sorted {
                    ($0.startedOn ?? .distantFuture, $0.enrolmentID) < ($1.startedOn ?? .distantFuture, $1.enrolmentID)
                }
                .map(Self.enrolment),
            referrals: facts.referrals
                .sorted {
                    ($0.madeOn ?? $0.answeredOn ?? .distantFuture, $0.referralID)
                        < ($1.madeOn ?? $1.answeredOn ?? .distantFuture, $1.referralID)
                }
                .map(Self.referral),
            deliveries: facts.deliveries.sorted { ($0.deliveredOn, $0.deliveryID) < ($1.deliveredOn, $1.deliveryID) }
                .map(Self.delivery),
            history: facts.history.sorted { $0.order < $1.order }.map(Self.historyEntry))
    }

    private func regionName(_ code: RegionCode) -> HouseholdDetail.RegionName {
        HouseholdDetail.RegionName(code: code, name: name(of: code))
    }

    private static func enrolment(_ row: Enrolment) -> HouseholdDetail.Enrolment {
        HouseholdDetail.Enrolment(
            enrolmentID: uuid(row.enrolmentID), cluster: row.cluster, programme: row.programme, strategy: row.strategy,
            desaCode: row.desaCode, startedOn: row.startedOn, endedOn: row.endedOn, isActive: row.isActive)
    }

    private static func referral(_ row: Referral) -> HouseholdDetail.Referral {
        HouseholdDetail.Referral(
            referralID: uuid(row.referralID), fromCluster: row.fromCluster, toCluster: row.toCluster,
            reason: row.reason, madeOn: row.madeOn, outcome: row.outcome, note: row.note, answeredOn: row.answeredOn)
    }

    private static func delivery(_ row: Delivery) -> HouseholdDetail.Delivery {
        HouseholdDetail.Delivery(
            deliveryID: uuid(row.deliveryID), enrolmentID: uuid(row.enrolmentID), cluster: row.cluster,
            programme: row.programme, strategy: row.strategy, amountRupiah: row.amountRupiah,
            inKindQuantity: row.inKindQuantity, inKindUnit: row.inKindUnit, period: row.period,
            deliveredOn: row.deliveredOn)
    }

    private static func historyEntry(_ row: HouseholdEvent) -> HouseholdDetail.HistoryEntry {
        HouseholdDetail.HistoryEntry(
            eventId: uuid(row.eventId), ceType: row.ceType, cluster: row.cluster, effectiveDate: row.effectiveDate,
            eventTime: row.eventTime.date, summary: HistorySummary.message(stored: row.summary).rendered())
    }

    /// Ids are stored as the lowercase text of a UUID the event carried, so they always parse.
    static func uuid(_ text: String) -> UUID {
        UUID(uuidString: text) ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    }
}

extension CalendarDate {
    /// A day after every real one, to sort missing days last.
    fileprivate static var distantFuture: CalendarDate { CalendarDate(daysSinceEpoch: .max) }
}
