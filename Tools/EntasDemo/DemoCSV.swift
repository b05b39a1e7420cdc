import EntasDomain

/// Renders households as the CSV that `POST /v1/households/import` takes (docs/import.md): the columns of
/// `ImportController.columns`, in that order, UTF-8, `\n` line ends, criteria as `;`-separated
/// identifiers, baseline status as SM, M or HM. A field holding a comma, a quote or a line break is quoted,
/// with `""` for a quote inside.
public enum DemoCSV {
    /// The import columns, exactly as `ImportController.columns` names them.
    public static let columns = [
        "kkNumber", "headNIK", "headName", "address", "desaCode", "memberCount", "criteriaMet", "baselineStatus",
    ]

    /// The header row, without a line end.
    public static let header = columns.joined(separator: ",")

    /// One household's row, without a line end.
    public static func row(for household: DemoHousehold) -> String {
        let fields = [
            household.kkNumber, household.headNIK, household.headName, household.address,
            household.desaCode.dotted, String(household.memberCount),
            household.criteriaMet.map(\.rawValue).joined(separator: ";"), household.baselineStatus.abbreviation,
        ]
        return fields.map(escaped).joined(separator: ",")
    }

    /// The columns of a members file (`POST /v1/households/members/import`).
    public static let memberColumns = [
        "kkNumber", "nik", "name", "relationship", "sex", "birthDate", "schoolLevel", "inSchool", "pregnantOrNursing", "severeDisability",
    ]

    /// The members file's header row, without a line end.
    public static let memberHeader = memberColumns.joined(separator: ",")

    /// A household's member rows, head first, each ending in `\n`.
    public static func memberRows(for household: DemoHousehold) -> String {
        var rows = ""
        for member in household.members {
            let fields = [
                household.kkNumber, member.nik.rawValue, member.name, member.relationship.rawValue, member.sex.rawValue,
                member.birthDate.description, member.schoolLevel?.rawValue ?? "", member.inSchool ? "1" : "0",
                member.pregnantOrNursing ? "1" : "0", member.severeDisability ? "1" : "0",
            ]
            rows += fields.map(escaped).joined(separator: ",") + "\n"
        }
        return rows
    }

    /// `field` as a CSV field: unchanged, or quoted when it holds a comma, a quote, CR or LF.
    public static func escaped(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
        }
        guard needsQuotes else { return field }
        var quoted = "\""
        for character in field {
            quoted.append(character == "\"" ? "\"\"" : String(character))
        }
        return quoted + "\""
    }

    /// The whole CSV text (header and every row, each ending in `\n`). Holds the text in memory: for small
    /// sets; stream large ones with ``DemoCSVChunks``.
    public static func text<Households: Sequence>(for households: Households) -> String
    where Households.Element == DemoHousehold {
        var text = header + "\n"
        for household in households {
            text += row(for: household)
            text += "\n"
        }
        return text
    }
}

/// A CSV file in pieces of at most `rowsPerChunk` rows, for streaming an import body: the first chunk starts
/// with the header, every line ends in `\n`, and the concatenation equals ``DemoCSV/text(for:)``. An empty
/// set of households gives one chunk holding only the header.
public struct DemoCSVChunks: Sequence, Sendable {
    /// The households to render.
    public let households: DemoHouseholds
    /// Rows per chunk (at least 1).
    public let rowsPerChunk: Int

    /// Chunks of `households`, `rowsPerChunk` rows each (values below 1 count as 1).
    public init(households: DemoHouseholds, rowsPerChunk: Int = 1_000) {
        self.households = households
        self.rowsPerChunk = Swift.max(rowsPerChunk, 1)
    }

    public func makeIterator() -> Iterator { Iterator(households: households.makeIterator(), rowsPerChunk: rowsPerChunk) }

    /// Renders the next chunk on demand.
    public struct Iterator: IteratorProtocol, Sendable {
        private var households: DemoHouseholds.Iterator
        private let rowsPerChunk: Int
        private var headerSent = false
        private var finished = false

        init(households: DemoHouseholds.Iterator, rowsPerChunk: Int) {
            self.households = households
            self.rowsPerChunk = rowsPerChunk
        }

        public mutating func next() -> String? {
            guard !finished else { return nil }
            var chunk = headerSent ? "" : DemoCSV.header + "\n"
            let first = !headerSent
            headerSent = true
            var rows = 0
            while rows < rowsPerChunk, let household = households.next() {
                chunk += DemoCSV.row(for: household)
                chunk += "\n"
                rows += 1
            }
            if rows < rowsPerChunk { finished = true }
            return rows > 0 || first ? chunk : nil
        }
    }
}
