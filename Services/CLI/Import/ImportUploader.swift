import EntasAPI
import EntasDomain
import Foundation

/// Streams a CSV file into a cluster service's `POST /v1/households/import` in chunks of
/// ``chunkSize`` records, each chunk with the header row, so memory stays bounded and progress
/// can be shown. The answers are merged and rejected rows renumbered as the file numbers them
/// (the header is row 1; a record with line breaks inside quotes is one row).
///
/// A members file (``members``) goes to `POST /v1/households/members/import`, and a chunk is only cut between
/// two households, so each household's rows (its whole list) reach the service in one request.
struct ImportUploader: Sendable {
    static let path = "/v1/households/import"
    static let membersPath = "/v1/households/members/import"
    /// A chunk is also sent once it holds this many bytes.
    static let maximumChunkBytes = 4 * 1024 * 1024
    /// Rejected rows listed in the merged answer, as a service lists them.
    static let listedRejections = 1_000

    let client: APIClient
    var chunkSize = 1_000
    /// True for a members file.
    var members = false

    var path: String { members ? Self.membersPath : Self.path }

    /// Where the upload stands, for a progress bar.
    struct Progress: Sendable, Equatable {
        var bytesRead: Int
        var totalBytes: Int
        var rowsSent: Int

        var fraction: Double { totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 1 }
    }

    /// Sends the file at `path`; calls `progress` after each chunk.
    /// - Throws: ``ImportFileError`` when the file cannot be read or is empty, ``ImportInterruptedError``
    ///   (with what was imported) when a chunk fails after others succeeded, or the first chunk's error.
    func upload(file path: String, progress: @Sendable (Progress) -> Void = { _ in }) async throws -> ImportSummary {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ImportFileError.unreadable(path: path) }
        defer { try? handle.close() }
        let totalBytes = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0

        var splitter = CSVRecordSplitter()
        var header: [UInt8]?
        var chunk = Chunk()
        var summary = ImportSummary()
        var nextRow = 1
        var bytesRead = 0
        var rowsSent = 0
        var kkColumn: Int?
        var lastKK: [UInt8]?

        func send() async throws {
            guard let header else { return }
            let answer: ImportSummary
            do {
                answer = try await post(header: header, chunk: chunk)
            } catch {
                guard rowsSent > 0 else { throw error }
                throw ImportInterruptedError(firstUnsentRow: chunk.rows.first ?? nextRow, imported: summary, underlying: error)
            }
            Self.merge(answer, rows: chunk.rows, into: &summary)
            rowsSent += chunk.rows.count
            chunk = Chunk()
            progress(Progress(bytesRead: bytesRead, totalBytes: totalBytes, rowsSent: rowsSent))
        }
        func take(_ record: [UInt8]) async throws {
            defer { nextRow += 1 }
            guard header != nil else {
                header = record
                kkColumn = Self.fields(of: record).firstIndex { $0 == Array("kkNumber".utf8) }
                return
            }
            let full = chunk.rows.count >= chunkSize || chunk.bytes.count >= Self.maximumChunkBytes
            guard members, let kkColumn else {
                chunk.append(record, row: nextRow)
                if chunk.rows.count >= chunkSize || chunk.bytes.count >= Self.maximumChunkBytes { try await send() }
                return
            }
            // A household's rows stay together: cut only where the next household begins.
            let kk = Self.fields(of: record).dropFirst(kkColumn).first
            if full, kk != lastKK { try await send() }
            lastKK = kk
            chunk.append(record, row: nextRow)
        }

        while let block = try handle.read(upToCount: 64 * 1024), !block.isEmpty {
            bytesRead += block.count
            for record in splitter.feed(block) { try await take(record) }
        }
        if let last = splitter.finish() { try await take(last) }
        guard header != nil else { throw ImportFileError.empty(path: path) }
        if !chunk.rows.isEmpty || rowsSent == 0 { try await send() }
        return summary
    }

    private func post(header: [UInt8], chunk: Chunk) async throws -> ImportSummary {
        var body = Data(capacity: header.count + chunk.bytes.count)
        body.append(contentsOf: header)
        body.append(contentsOf: chunk.bytes)
        let data = try await client.post(path, body: body, contentType: "text/csv; charset=utf-8")
        return try client.decode(ImportSummary.self, from: data, path: path)
    }

    /// The fields of one CSV record (quotes removed, `""` inside quotes as one quote, trailing CR and LF
    /// dropped), each trimmed of spaces.
    static func fields(of record: [UInt8]) -> [[UInt8]] {
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var quoted = false
        var index = record.startIndex
        while index < record.endIndex {
            let byte = record[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < record.endIndex, record[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") {
                quoted = true
            } else if byte == UInt8(ascii: ",") {
                fields.append(trimmed(field))
                field = []
            } else if byte != UInt8(ascii: "\r"), byte != UInt8(ascii: "\n") {
                field.append(byte)
            }
            index += 1
        }
        fields.append(trimmed(field))
        return fields
    }

    private static func trimmed(_ field: [UInt8]) -> [UInt8] {
        Array(field.drop { $0 == UInt8(ascii: " ") }.reversed().drop { $0 == UInt8(ascii: " ") }.reversed())
    }

    /// Adds a chunk's answer to `summary`, its rejected rows renumbered: the service counts the
    /// chunk's header as row 1, so its row r is the chunk's record r - 2, whose file row is `rows[r - 2]`.
    static func merge(_ answer: ImportSummary, rows: [Int], into summary: inout ImportSummary) {
        summary.rows += answer.rows
        summary.created += answer.created
        summary.updated += answer.updated
        summary.unchanged += answer.unchanged
        summary.rejected += answer.rejected
        summary.rejectionsTruncated = summary.rejectionsTruncated || answer.rejectionsTruncated
        for var rejection in answer.rejections {
            let index = rejection.row - 2
            if rows.indices.contains(index) { rejection.row = rows[index] }
            if summary.rejections.count < listedRejections {
                summary.rejections.append(rejection)
            } else {
                summary.rejectionsTruncated = true
            }
        }
    }

    /// The records of one request and the file row of each.
    struct Chunk {
        var bytes: [UInt8] = []
        var rows: [Int] = []

        mutating func append(_ record: [UInt8], row: Int) {
            bytes.append(contentsOf: record)
            rows.append(row)
        }
    }
}

/// The file to import cannot be used.
enum ImportFileError: Error, Sendable, CustomStringConvertible, MessageConvertible {
    case unreadable(path: String)
    case empty(path: String)

    var message: Message {
        switch self {
        case .unreadable(let path): Message("cli.import.error.unreadable", .text(path))
        case .empty(let path): Message("cli.import.error.empty", .text(path))
        }
    }

    var description: String { message.rendered() }
}

/// A chunk failed after earlier chunks were imported.
struct ImportInterruptedError: Error, Sendable, CustomStringConvertible, MessageConvertible {
    var firstUnsentRow: Int
    var imported: ImportSummary
    var underlying: any Error

    var message: Message {
        Message(
            "cli.import.error.interrupted", .text(String(firstUnsentRow)), .error(underlying), .count(imported.created), .count(imported.updated),
            .count(imported.unchanged), .count(imported.rejected))
    }

    var description: String { message.rendered() }
}
