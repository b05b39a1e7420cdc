import EntasService
import EntasDomain
import EntasStore
import Foundation
import GRDB

extension ClusterStore {
    /// Records what this cluster commits for a region, period and programme, and publishes it as
    /// `commitment.made` on the cluster's topic, in one transaction. A commitment for a region, period and
    /// programme already committed is a revision: same `commitmentID`, the next revision number.
    ///
    /// Refused with a problem naming the field, nothing written: a programme this cluster does not run, a
    /// strategy that is not the programme's, a region not in the reference, a negative figure, or a revision
    /// dated before the revision it replaces.
    public func commit(_ request: CommitmentRequest, by holder: String, now: Date = Date()) async throws -> CommitmentSummary {
        let payload = try commitmentPayload(request, now: now)
        return try await database.write { db in try commit(payload, by: holder, now: now, in: db) }
    }

    /// Commits within the caller's transaction (a line of `POST /v1/bulk`), checked as `commit(_:by:now:)`.
    @discardableResult
    package func commit(_ request: CommitmentRequest, by holder: String, now: Date = Date(), in db: Database) throws -> CommitmentSummary {
        try commit(try commitmentPayload(request, now: now), by: holder, now: now, in: db)
    }

    /// Stores `payload` as the next revision of its region, period and programme and publishes it.
    private func commit(_ payload: CommitmentMade, by holder: String, now: Date, in db: Database) throws -> CommitmentSummary {
        try scope.require(payload.regionCode)
        let earlier = try CommitmentRevision
            .filter(CommitmentRevision.Columns.regionCode == payload.regionCode)
            .filter(CommitmentRevision.Columns.period == payload.period)
            .filter(CommitmentRevision.Columns.programme == payload.programme)
            .order(CommitmentRevision.Columns.revision)
            .fetchAll(db)
        var payload = payload
        if let current = earlier.last {
            guard payload.madeOn >= current.madeOn else {
                throw ProblemDocument.invalidField(
                    "madeOn",
                    Message(
                        "cluster.commitment.revisionBeforeEarlier", .count(current.revision + 1), .day(payload.madeOn),
                        .count(current.revision), .day(current.madeOn)))
            }
            payload.commitmentID = current.commitmentID
        }
        let eventID = try publish(.commitmentMade(payload), in: db, now: now)
        let revision = CommitmentRevision(
            commitmentID: payload.commitmentID, revision: (earlier.last?.revision ?? 0) + 1, eventId: eventID,
            regionCode: payload.regionCode, period: payload.period, programme: payload.programme, strategy: payload.strategy,
            households: payload.households, deliveries: payload.deliveries, budgetRupiah: payload.budgetRupiah,
            graduations: payload.graduations, madeOn: payload.madeOn, recordedBy: holder, recordedAt: now)
        try revision.insert(db)
        guard let summary = CommitmentSummary(cluster: cluster, revisions: earlier + [revision]) else {
            throw ProblemDocument.internalError
        }
        return summary
    }

    /// The `commitment.made` payload for `request`, checked as consumers will check it (its id is new; a
    /// revision takes the id of the commitment it revises).
    func commitmentPayload(_ request: CommitmentRequest, now: Date) throws -> CommitmentMade {
        guard let programme = definition.programme(request.programme) else {
            throw ProblemDocument.invalidField(
                "programme",
                Message(
                    "cluster.commitment.unknownProgramme", .text(String(request.programme.prefix(64))), .text(cluster.indonesianName),
                    .text(definition.programmes.map(\.code).joined(separator: ", "))))
        }
        if let strategy = request.strategy, strategy != programme.strategy {
            throw ProblemDocument.invalidField(
                "strategy",
                Message("cluster.commitment.otherStrategy", .text(programme.code), .text(programme.strategy.rawValue), .text(strategy.rawValue)))
        }
        let payload = CommitmentMade(
            commitmentID: .timeOrdered(), cluster: cluster, regionCode: request.regionCode, period: request.period,
            programme: programme.code, strategy: programme.strategy, households: request.households,
            deliveries: request.deliveries, budgetRupiah: request.budgetRupiah, graduations: request.graduations,
            madeOn: request.madeOn ?? CalendarDate.today(now: now))
        try payload.validate(in: .eastJava)
        return payload
    }

    /// The commitments for `region` and the regions inside it (all when nil) whose period overlaps `period`
    /// (all when nil), optionally of one programme: each as it stands, with its history; by region, period
    /// and programme.
    public func commitments(region: RegionCode?, period: Period?, programme: String? = nil) async throws -> [CommitmentSummary] {
        let revisions = try await database.read { db in
            var query = CommitmentRevision.all()
            if let programme { query = query.filter(CommitmentRevision.Columns.programme == programme) }
            if let region, region != .eastJava {
                let dotted = region.dotted
                query = query.filter(CommitmentRevision.Columns.regionCode == dotted || CommitmentRevision.Columns.regionCode.like(dotted + ".%"))
            }
            return try query.fetchAll(db)
        }
        let summaries = Dictionary(grouping: revisions, by: \.commitmentID).values.compactMap {
            CommitmentSummary(cluster: cluster, revisions: $0)
        }
        return
            summaries
            .filter { summary in period.map { summary.period.firstDay <= $0.lastDay && summary.period.lastDay >= $0.firstDay } ?? true }
            .sorted { ($0.regionCode, $0.period, $0.programme) < ($1.regionCode, $1.period, $1.programme) }
    }

    /// One commitment with its history, or a 404 problem.
    public func commitment(_ id: UUID) async throws -> CommitmentSummary {
        let revisions = try await database.read { db in
            try CommitmentRevision.filter(CommitmentRevision.Columns.commitmentID == id.lowercaseText).fetchAll(db)
        }
        guard let summary = CommitmentSummary(cluster: cluster, revisions: revisions) else {
            throw ProblemDocument.notFound(Message("cluster.commitment.notFound", .text(id.lowercaseText), .text(cluster.indonesianName)))
        }
        try scope.require(record: summary.regionCode)
        return summary
    }
}
