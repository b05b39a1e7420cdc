/// CSV as RFC 4180 writes it: a header row, then one row per record; a field with a comma,
/// quote or line break (or space at either end) is quoted, with `""` for a quote. Lines end
/// with LF.
public enum CSVRenderer {
    public static func render(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(line).joined(separator: "\n")
    }

    public static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",")
    }

    public static func escape(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
