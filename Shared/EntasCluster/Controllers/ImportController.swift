import EntasService
import EntasAPI
import EntasDomain
import Foundation
import Hummingbird

/// `POST /v1/households/import`: a CSV of households (columns in docs/import.md), read as a
/// stream. Every row is validated; valid rows are written in batches (each batch one
/// transaction with its outbox rows); the answer counts them and lists rejected rows with
/// their row number and reason. Memory stays bounded whatever the file's size.
public struct ImportController: Sendable {
    let store: ClusterStore
    static let batchSize = 2_000
    /// How many rejected rows are listed in the answer (all are counted).
    static let listedRejections = 1_000


    public static let columns = ["kkNumber", "headNIK", "headName", "address", "desaCode", "memberCount", "criteriaMet", "baselineStatus"]

    public typealias Rejection = ImportSummary.Rejection
    public typealias Summary = ImportSummary

    public func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>) {
        group.post("households/import", summary: "Import households from CSV (text/csv, streamed); answers counts and rejected rows") { request, context in
            let summary = try await self.importCSV(request.body, using: store.serving(context))
            context.audit.wrote(households: summary.created + summary.updated + summary.unchanged)
            return summary
        }
    }

    /// Reads, validates and encodes the next batch while the writer writes the one before: at most one
    /// batch is being written at a time, and batches are written in file order.
    /// - Parameter store: this service's store as the request's operator uses it (its actor and region).
    func importCSV(_ body: RequestBody, using store: ClusterStore) async throws -> Summary {
        return try await withThrowingTaskGroup(of: (rows: [Int], results: [RegistrationResult]).self) { writes in
            var parser = CSVRecordParser()
            var summary = Summary()
            var header: HouseholdImportColumns?
            var batch: [HouseholdRegistration] = []
            var batchRows: [Int] = []
            var rowNumber = 0
            var writing = false

            func take(_ record: [String]) throws {
                rowNumber += 1
                guard let columns = header else {
                    header = HouseholdImportColumns(try Self.header(record))
                    return
                }
                if record.count == 1, record[0].trimmingCharacters(in: .whitespaces).isEmpty { return }  // blank line
                summary.rows += 1
                switch Self.registration(record, columns: columns) {
                case .success(let registration) where !store.scope.contains(registration.desaCode):
                    reject(Rejection(row: rowNumber, field: "desaCode", reason: Self.outsideRegion(store.scope).rendered()))
                case .success(let registration):
                    batch.append(registration)
                    batchRows.append(rowNumber)
                case .failure(let rejection): reject(Rejection(row: rowNumber, field: rejection.field, reason: rejection.reason.rendered()))
                }
            }
            func reject(_ rejection: Rejection) {
                summary.rejected += 1
                if summary.rejections.count < Self.listedRejections {
                    summary.rejections.append(rejection)
                } else {
                    summary.rejectionsTruncated = true
                }
            }
            func count(_ written: (rows: [Int], results: [RegistrationResult])) {
                for (row, result) in zip(written.rows, written.results) {
                    switch result {
                    case .outsideRegion:
                        reject(Rejection(row: row, field: "kkNumber", reason: Self.outsideRegion(store.scope).rendered()))
                    case .personInAnotherHousehold(_, let field, let other):
                        reject(Rejection(row: row, field: field, reason: ProblemDocument.personInAnotherHouseholdReason(of: other).rendered()))
                    case .disagreesWithMembers(let field, let reason):
                        reject(Rejection(row: row, field: field, reason: reason.rendered()))
                    case .created: summary.created += 1
                    case .updated: summary.updated += 1
                    case .unchanged: summary.unchanged += 1
                    }
                }
            }
            /// Waits for the batch being written, if any.
            func finishWriting() async throws {
                while let results = try await writes.next() { count(results) }
                writing = false
            }
            /// Encodes the batch read so far and hands it to the writer once the previous one is written.
            func flush() async throws {
                guard !batch.isEmpty else { return }
                let prepared = try store.prepare(batch, validated: true)  // each row was checked by registration(_:columns:)
                let rows = batchRows
                batch.removeAll(keepingCapacity: true)
                batchRows.removeAll(keepingCapacity: true)
                if writing { try await finishWriting() }
                writes.addTask { (rows, try await store.register(prepared)) }
                writing = true
            }

            for try await buffer in body {
                for record in parser.feed(buffer.readableBytesView) {
                    try take(record)
                    if batch.count >= Self.batchSize { try await flush() }
                }
            }
            do {
                if let last = try parser.finish() { try take(last) }
            } catch is CSVRecordParser.UnterminatedQuote {
                // The rows of the batch not yet written are dropped with the broken one: the answer
                // is a problem document, so the client must not count them as imported.
                try await finishWriting()
                throw ProblemDocument.malformedBody(
                    Message(
                        "cluster.import.unterminatedQuote", .count(rowNumber + 1),
                        .count(summary.created + summary.updated + summary.unchanged)))
            }
            try await flush()
            try await finishWriting()
            guard header != nil else {
                throw ProblemDocument.malformedBody(Message("cluster.import.empty", .text(Self.columns.joined(separator: ","))))
            }
            return summary
        }
    }

    /// A row's rejection for a household outside the token's region (its desa, or where it is registered).
    static func outsideRegion(_ scope: RegionScope) -> Message {
        Message("cluster.import.outsideRegion", .text(scope.description))
    }

    static func header(_ record: [String]) throws -> [String: Int] {
        try header(record, columns: columns, required: columns.filter { $0 != "baselineStatus" })
    }

    /// The column positions a header row names; a problem listing the `required` columns it lacks.
    static func header(_ record: [String], columns names: [String], required: [String]) throws -> [String: Int] {
        var columns: [String: Int] = [:]
        for (index, name) in record.enumerated() { columns[name.trimmingCharacters(in: .whitespaces)] = index }
        let missing = columns.keys.isEmpty ? names : required.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            throw ProblemDocument.malformedBody(
                Message("cluster.import.headerLacks", .text(missing.joined(separator: ", ")), .text(names.joined(separator: ","))))
        }
        return columns
    }

    /// The field of `record` in column `name` as Entas takes text (``CleanText``); empty when the column is
    /// absent or the row short.
    static func field(_ name: String, of record: [String], columns: [String: Int]) throws -> String {
        try field(at: columns[name], named: name, of: record)
    }

    /// The field of `record` at `position` (column `name`) as Entas takes text (``CleanText``); empty when the
    /// file has no such column or the row is short.
    static func field(at position: Int?, named name: String, of record: [String]) throws -> String {
        guard let position, position < record.count else { return "" }
        let field = record[position]
        if let scalar = CleanText.forbidden(in: field) { throw FieldRejection(field: name, reason: CleanText.ruleMessage(scalar)) }
        return CleanText.normalized(field)
    }

    /// One CSV row as a registration, validated as its event will be.
    static func registration(_ record: [String], columns: HouseholdImportColumns) -> Result<HouseholdRegistration, FieldRejection> {
        func value(_ position: Int?, _ name: String) throws -> String { try field(at: position, named: name, of: record) }
        do {
            let kk = try KKNumber(try value(columns.kkNumber, "kkNumber"))
            let nik = try NIK(try value(columns.headNIK, "headNIK"))
            let desa: RegionCode
            let desaText = try value(columns.desaCode, "desaCode")
            do { desa = try RegionCode(desaText) } catch { throw FieldRejection(field: "desaCode", reason: error.message) }
            let memberText = try value(columns.memberCount, "memberCount")
            guard let members = Int(memberText) else {
                throw FieldRejection(field: "memberCount", reason: Message("cluster.import.notWholeNumber", .text(String(memberText.prefix(20)))))
            }
            var criteria: [PovertyCriterion] = []
            // Split on the byte: `;` is ASCII, and splitting by Character cost half of a row's reading.
            let criteriaText = try value(columns.criteriaMet, "criteriaMet")
            for piece in criteriaText.utf8.split(separator: UInt8(ascii: ";")) {
                let name = trimmed(String(Substring(piece)))
                guard !name.isEmpty else { continue }
                guard let criterion = PovertyCriterion(rawValue: name) ?? Int(name).flatMap(PovertyCriterion.init(number:)) else {
                    throw FieldRejection(field: "criteriaMet", reason: Message("cluster.import.notCriterion", .text(String(name.prefix(60)))))
                }
                criteria.append(criterion)
            }
            var baseline: PovertyStatus?
            let baselineText = try value(columns.baselineStatus, "baselineStatus")
            if !baselineText.isEmpty {
                guard let status = PovertyStatus(rawValue: baselineText) ?? PovertyStatus(abbreviation: baselineText) else {
                    throw FieldRejection(field: "baselineStatus", reason: Message("cluster.import.notStatus", .text(String(baselineText.prefix(20)))))
                }
                baseline = status
            }
            let registration = HouseholdRegistration(
                kkNumber: kk, headNIK: nik, headName: try value(columns.headName, "headName"), address: try value(columns.address, "address"), desaCode: desa,
                memberCount: members, criteriaMet: criteria, baselineStatus: baseline)
            try registration.registered(by: .socialAid).validate(in: .eastJava)
            return .success(registration)
        } catch let rejection as FieldRejection {
            return .failure(rejection)
        } catch let error as IdentityNumberError {
            return .failure(FieldRejection(field: error.field == "nik" ? "headNIK" : "kkNumber", reason: error.message))
        } catch let error as EventValidationError {
            return .failure(FieldRejection(field: error.path, reason: error.message))
        } catch {
            return .failure(FieldRejection(field: nil, reason: .of(error)))
        }
    }

    /// `field` without leading and trailing whitespace: checked byte by byte for the usual field that has
    /// none (Foundation's trimming cost as much as the rest of a row), else trimmed by Foundation.
    static func trimmed(_ field: String) -> String {
        guard let first = field.utf8.first, let last = field.utf8.last else { return field }
        func plain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") }
        return plain(first) && plain(last) ? field : field.trimmingCharacters(in: .whitespaces)
    }

    struct FieldRejection: Error {
        var field: String?
        /// Rendered in the request's language when the row is reported.
        var reason: Message
    }

}

extension ImportSummary: ResponseCodable {}
