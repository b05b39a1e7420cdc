import EntasService
import EntasDomain
import Foundation
import GRDB
import Hummingbird
import Logging

/// `POST /v1/bulk`: many operations as JSON Lines (`application/x-ndjson`), read as a
/// stream and applied in transactions of `batchSize` lines. Each line succeeds or fails on
/// its own (a savepoint each): a failing line is answered with its line number and problem,
/// and the others go on. Memory stays bounded whatever the file's size.
public struct BulkController: Sendable {
    let store: ClusterStore
    let logger: Logger
    static let batchSize = 500
    /// How many rejected lines are listed in the answer (all are counted).
    static let listedRejections = 1_000


    public struct Rejection: Codable, Sendable {
        /// 1-based line number in the body.
        public var line: Int
        public var code: String
        public var field: String?
        public var detail: String
    }

    public struct Summary: ResponseCodable, Sendable {
        public var lines = 0
        public var applied = 0
        public var rejected = 0
        /// Applied lines by kind.
        public var appliedByKind: [String: Int] = [:]
        public var rejections: [Rejection] = []
        public var rejectionsTruncated = false
    }

    public func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>) {
        group.post("bulk", summary: "Apply many assessments, enrolments, deliveries, enrolment ends, referrals, referral answers, graduations and commitments sent as JSON Lines (streamed); answers counts and rejected lines") { request, context in
            try Self.checkMediaType(request.headers[.contentType])
            return try await apply(request.body, by: context.holder, using: store.serving(context))
        }
    }

    /// JSON Lines media types; a body without a type is read as JSON Lines too.
    static let mediaTypes: Set<String> = ["application/x-ndjson", "application/jsonl", "application/jsonlines", "application/json-lines", "application/x-jsonlines"]

    /// 415 for a body that says it is something else (a CSV, a form, one JSON document).
    static func checkMediaType(_ contentType: String?) throws {
        guard let contentType else { return }
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard mediaTypes.contains(mediaType) else {
            throw ProblemDocument(
                status: .unsupportedMediaType, code: "unsupported-media-type", title: Message("cluster.bulk.notJSONLines.title"),
                detail: Message("cluster.bulk.notJSONLines.detail", .text(String(contentType.prefix(60)))))
        }
    }

    /// Applies the lines of `body`; `holder` (the token's holder) is recorded with each commitment.
    /// - Parameter store: this service's store as the request's operator uses it (its actor and region).
    func apply(_ body: RequestBody, by holder: String, using store: ClusterStore) async throws -> Summary {
        var splitter = JSONLineSplitter()
        var summary = Summary()
        var batch: [(line: Int, operation: BulkOperation)] = []
        var lineNumber = 0
        let decoder = JSONDecoder()

        func reject(_ line: Int, _ problem: ProblemDocument) {
            summary.rejected += 1
            guard summary.rejections.count < Self.listedRejections else {
                summary.rejectionsTruncated = true
                return
            }
            summary.rejections.append(Rejection(line: line, code: problem.code, field: problem.field, detail: problem.detail.rendered()))
        }
        func take(_ line: [UInt8]) throws {
            lineNumber += 1
            guard let first = line.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return }  // blank line
            if summary.lines == 0 && first == UInt8(ascii: "[") {
                // One JSON array instead of lines: nothing is applied, and no line is worth reporting.
                throw ProblemDocument.malformedBody(Message("cluster.bulk.bodyIsArray"))
            }
            summary.lines += 1
            var data = Data(line)
            do {
                data = try JSONText.cleaned(data)
                if let addressee = try decoder.decode(BulkAddressee.self, from: data).addressee, addressee != store.cluster {
                    throw ProblemDocument.invalidField(
                        "cluster", Message("cluster.bulk.otherCluster", .text(addressee.serviceName), .text(store.definition.executableName)))
                }
                batch.append((lineNumber, try decoder.decode(BulkOperation.self, from: data)))
            } catch {
                var problem = (error as? DecodingError).flatMap { JSONNumbers.misfit(in: data, $0) }
                    ?? ProblemMiddleware<AgencyRequestContext>.problem(for: error, logger: logger)
                if problem.code == "malformed-body" { problem.detail = Message("bulk.lineNotJSON") }
                reject(lineNumber, problem)
            }
        }
        func flush() async throws {
            guard !batch.isEmpty else { return }
            let operations = batch.map(\.operation)
            let outcomes = try await store.apply(operations, by: holder) { error in
                ProblemMiddleware<AgencyRequestContext>.problem(for: error, logger: logger)
            }
            for ((line, operation), problem) in zip(batch, outcomes) {
                if let problem {
                    reject(line, problem)
                } else {
                    summary.applied += 1
                    summary.appliedByKind[operation.kind.rawValue, default: 0] += 1
                }
            }
            batch.removeAll(keepingCapacity: true)
        }

        do {
            for try await buffer in body {
                for line in try splitter.feed(buffer.readableBytesView) {
                    try take(line)
                    if batch.count >= Self.batchSize { try await flush() }
                }
            }
        } catch is JSONLineSplitter.LineTooLong {
            throw ProblemDocument(
                status: .contentTooLarge, code: "line-too-long", title: Message("cluster.bulk.lineTooLong.title"),
                detail: Message(
                    "cluster.bulk.lineTooLong.detail", .count(lineNumber + 1), .count(JSONLineSplitter.maximumLineLength), .count(summary.applied)))
        }
        if let last = splitter.finish() { try take(last) }
        try await flush()
        // Unreadable lines are rejected as read, the others as their batch is applied.
        summary.rejections.sort { $0.line < $1.line }
        return summary
    }
}
