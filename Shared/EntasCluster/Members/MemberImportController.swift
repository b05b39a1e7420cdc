import EntasService
import EntasAPI
import EntasDomain
import Foundation
import GRDB
import Hummingbird

/// `POST /v1/households/members/import`: a CSV of members beside the households file (columns in
/// docs/import.md). The rows of one household are together; they are its whole list, which replaces the
/// recorded one (one `household.updated` per household whose list changed). A household whose rows or list
/// are refused is left as it was, each of its rows rejected with the reason. Read as a stream.
public struct MemberImportController: Sendable {
    let store: ClusterStore
    /// Households written per transaction.
    static let batchSize = 500

    public func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>) {
        group.post("households/members/import", summary: "Import households' members from CSV (text/csv, streamed; one household's rows together); answers counts and rejected rows") { request, context in
            let summary = try await self.importCSV(request.body, using: store.serving(context))
            context.audit.wrote(households: summary.updated + summary.unchanged)
            return summary
        }
    }

    /// One household's rows: its KK, the first row's number, the members parsed and the rows refused.
    struct Household {
        var kk: KKNumber
        var rows: [Int] = []
        var members: [HouseholdMember] = []
        var rejections: [ImportSummary.Rejection] = []
    }

    func importCSV(_ body: RequestBody, using store: ClusterStore) async throws -> ImportSummary {
        var parser = CSVRecordParser()
        var summary = ImportSummary()
        var header: [String: Int]?
        var rowNumber = 0
        var current: Household?
        var seen: Set<KKNumber> = []
        var batch: [Household] = []

        func reject(_ rejection: ImportSummary.Rejection) {
            summary.rejected += 1
            if summary.rejections.count < ImportController.listedRejections { summary.rejections.append(rejection) } else { summary.rejectionsTruncated = true }
        }
        func close() async throws {
            guard let household = current else { return }
            current = nil
            if household.rejections.isEmpty {
                batch.append(household)
                if batch.count >= Self.batchSize { try await write() }
                return
            }
            for rejection in household.rejections { reject(rejection) }
            for row in household.rows where !household.rejections.contains(where: { $0.row == row }) {
                reject(.init(row: row, field: nil, reason: Message("cluster.members.notApplied").rendered()))
            }
        }
        func write() async throws {
            let outcomes = try await store.replaceMembers(batch.map { ($0.kk, $0.members) })
            for (household, outcome) in zip(batch, outcomes) {
                switch outcome {
                case .success(let changed): if changed { summary.updated += 1 } else { summary.unchanged += 1 }
                case .failure(let problem):
                    for row in household.rows { reject(.init(row: row, field: problem.field, reason: problem.detail.rendered())) }
                }
            }
            batch.removeAll(keepingCapacity: true)
        }
        func take(_ record: [String]) async throws {
            rowNumber += 1
            guard let columns = header else {
                header = try ImportController.header(record, columns: MemberCSVRow.columns, required: MemberCSVRow.required)
                return
            }
            if record.count == 1, record[0].trimmingCharacters(in: .whitespaces).isEmpty { return }
            summary.rows += 1
            do {
                let (kk, member) = try MemberCSVRow.parse { try ImportController.field($0, of: record, columns: columns) }
                if current?.kk != kk {
                    try await close()
                    guard seen.insert(kk).inserted else {
                        throw ImportController.FieldRejection(field: "kkNumber", reason: Message("cluster.members.rowsApart"))
                    }
                    guard store.scope.contains(kecamatanOf: kk) else {
                        throw ImportController.FieldRejection(field: "kkNumber", reason: ImportController.outsideRegion(store.scope))
                    }
                    current = Household(kk: kk)
                }
                current?.rows.append(rowNumber)
                current?.members.append(member)
            } catch let rejection as ImportController.FieldRejection {
                if current != nil {
                    current?.rows.append(rowNumber)
                    current?.rejections.append(.init(row: rowNumber, field: rejection.field, reason: rejection.reason.rendered()))
                } else {
                    reject(.init(row: rowNumber, field: rejection.field, reason: rejection.reason.rendered()))
                }
            }
        }

        for try await buffer in body {
            for record in parser.feed(buffer.readableBytesView) { try await take(record) }
        }
        do {
            if let last = try parser.finish() { try await take(last) }
        } catch is CSVRecordParser.UnterminatedQuote {
            throw ProblemDocument.malformedBody(Message("cluster.members.unterminatedQuote", .count(rowNumber + 1)))
        }
        try await close()
        if !batch.isEmpty { try await write() }
        guard header != nil else {
            throw ProblemDocument.malformedBody(Message("cluster.import.empty", .text(MemberCSVRow.columns.joined(separator: ","))))
        }
        return summary
    }
}

extension ClusterStore {
    /// Replaces the member lists of many households in one transaction, each in a savepoint: true when the
    /// list changed, false when it was the same, or the problem that left the household as it was.
    package func replaceMembers(_ lists: [(KKNumber, [HouseholdMember])]) async throws -> [Result<Bool, ProblemDocument>] {
        try await database.write { db in
            try lists.map { kk, members in
                var changed = false
                do {
                    try db.inSavepoint {
                        changed = try update(kk, in: db) { merged, recorded in
                            merged.members = members
                            merged.memberCount = members.count
                            if let head = members.first(where: { $0.relationship == .head }) { merged.headNIK = head.nik }
                            return recorded.filter { old in !members.contains { $0.nik == old.nik } }.map { MemberDeparture(nik: $0.nik, reason: .other) }
                        }
                        return .commit
                    }
                    return .success(changed)
                } catch let problem as ProblemDocument {
                    return .failure(problem)
                } catch EventEncodingError.invalidPayload(let path, let reason) {
                    return .failure(ProblemDocument.invalidField(path, reason))
                }
            }
        }
    }
}
