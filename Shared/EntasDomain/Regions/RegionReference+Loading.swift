import Foundation

extension RegionReference {
    /// Loads the reference bundled with this module (`Resources/regions`), province row included.
    public static func loadBundled() throws(RegionReferenceError) -> RegionReference {
        guard let resources = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw .bundleMissing
        }
        return try load(from: resources.appendingPathComponent("regions"))
    }

    /// Loads `kabupaten.csv`, `kecamatan.csv` and `desa.csv` from `directory` (the format of
    /// `Shared/EntasDomain/Resources/regions/SOURCE.md`) and adds the province row `35 Jawa Timur`.
    ///
    /// A malformed line (wrong field count, bad code, unknown kind, parent column that does not match the
    /// code) is skipped and recorded in ``problems``; it never stops the load. The files have no quoted
    /// fields; a name is everything between the code and the trailing columns, so even a comma in a name
    /// cannot shift the columns.
    /// - Throws: ``RegionReferenceError`` when a file is missing, not UTF-8 or has the wrong header.
    public static func load(from directory: URL) throws(RegionReferenceError) -> RegionReference {
        var problems: [Problem] = []
        var regions: [Region] = [provinceRegion]
        regions.reserveCapacity(9_200)
        for layout in FileLayout.all {
            let bytes = try read(directory, layout.file)
            try CSVRows.forEach(in: bytes, file: layout.file, header: layout.header) { line, fields in
                switch region(from: fields, layout: layout) {
                case .success(let region): regions.append(region)
                case .failure(let problem):
                    problems.append(Problem(file: layout.file, line: line, reason: problem.reason))
                }
            }
        }
        return RegionReference(regions: regions, problems: problems)
    }

    /// The columns of one file: `code`, `name`, then `trailing` columns, of which one may be the parent's
    /// code and one the kind.
    private struct FileLayout {
        let file: String
        let header: String
        let trailing: Int
        /// The parent code's column counted from the end (0 = last), if the file has one.
        let parentFromEnd: Int?
        /// The kind of every row when the file has no kind column; nil when the last column is the kind.
        let fixedKind: RegionKind?

        static let all = [
            FileLayout(
                file: "kabupaten.csv", header: "code,name,kind", trailing: 1, parentFromEnd: nil, fixedKind: nil),
            FileLayout(
                file: "kecamatan.csv", header: "code,name,kabupaten_code", trailing: 1, parentFromEnd: 0,
                fixedKind: .kecamatan),
            FileLayout(
                file: "desa.csv", header: "code,name,kecamatan_code,kind", trailing: 2, parentFromEnd: 1, fixedKind: nil
            ),
        ]
    }

    private static func read(_ directory: URL, _ file: String) throws(RegionReferenceError) -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: directory.appendingPathComponent(file)))
        } catch {
            throw .unreadable(file: file, reason: error.localizedDescription)
        }
    }

    /// Why a row is not a region.
    private struct RowProblem: Error {
        let reason: String
    }

    /// One row's region, or why the row is not one.
    private static func region(from fields: [ArraySlice<UInt8>], layout: FileLayout) -> Result<Region, RowProblem> {
        guard fields.count >= 2 + layout.trailing else {
            return .failure(
                RowProblem(
                    reason: "expected \(2 + layout.trailing) comma-separated fields, found \(fields.count)"))
        }
        let code: RegionCode
        do {
            code = try RegionCode(String(decoding: fields[0], as: UTF8.self))
        } catch {
            return .failure(RowProblem(reason: error.description))
        }
        let nameFields = fields[1..<(fields.count - layout.trailing)]
        let nameBytes = Array(nameFields.joined(separator: [UInt8(ascii: ",")]))
        var name = String(decoding: nameBytes, as: UTF8.self)
        if nameBytes.first == UInt8(ascii: " ") || nameBytes.last == UInt8(ascii: " ") {
            name = name.trimmingCharacters(in: .whitespaces)
        }
        guard !name.isEmpty else { return .failure(RowProblem(reason: "the name is empty")) }
        let kind: RegionKind
        if let fixedKind = layout.fixedKind {
            kind = fixedKind
        } else {
            let kindText = String(decoding: fields[fields.count - 1], as: UTF8.self)
            guard let parsed = RegionKind(rawValue: kindText) else {
                return .failure(
                    RowProblem(reason: "kind \(SafeEcho.quoted(kindText)) is not one of \(RegionKind.allCases)"))
            }
            kind = parsed
        }
        guard code.level == kind.level else {
            return .failure(RowProblem(reason: "code \(code.dotted) is not a \(kind.rawValue) code"))
        }
        if let parentFromEnd = layout.parentFromEnd {
            let parentText = String(decoding: fields[fields.count - 1 - parentFromEnd], as: UTF8.self)
            guard parentText == code.parent?.dotted else {
                return .failure(
                    RowProblem(
                        reason: "parent column \(SafeEcho.quoted(parentText)) does not match code \(code.dotted)"))
            }
        }
        return .success(Region(code: code, name: name, kind: kind))
    }
}
