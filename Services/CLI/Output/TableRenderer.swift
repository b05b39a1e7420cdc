/// A column of a ``Table``: its header, its alignment, and whether it may be shortened to fit.
struct TableColumn: Sendable, Hashable {
    enum Alignment: Sendable, Hashable { case left, right }

    var header: String
    var alignment: Alignment
    /// A flexible column (a name) is cut, with `…`, when the table is wider than allowed.
    var flexible: Bool
    /// A flexible column is never cut below this width.
    var minimumWidth: Int

    init(_ header: String, _ alignment: Alignment = .left, flexible: Bool = false, minimumWidth: Int = 6) {
        self.header = header
        self.alignment = alignment
        self.flexible = flexible
        self.minimumWidth = minimumWidth
    }

    static func left(_ header: String) -> TableColumn { TableColumn(header, .left) }
    static func right(_ header: String) -> TableColumn { TableColumn(header, .right) }
    static func flexible(_ header: String, minimumWidth: Int = 6) -> TableColumn {
        TableColumn(header, .left, flexible: true, minimumWidth: minimumWidth)
    }
}

/// Rows of text under column headers; ``footer`` rows (totals) follow a rule.
struct Table: Sendable, Hashable {
    var columns: [TableColumn]
    var rows: [[String]]
    var footer: [[String]] = []
}

/// Lays a ``Table`` out as aligned lines: left or right aligned cells, a dashed rule under the
/// header and above the footer, two spaces between columns (one when that makes it fit), and
/// flexible columns cut so that no line is wider than `maximumWidth`.
enum TableRenderer {
    static func render(_ table: Table, maximumWidth: Int? = 80) -> [String] {
        let count = table.columns.count
        let allRows = (table.rows + table.footer).map { row in (0..<count).map { $0 < row.count ? row[$0] : "" } }
        var widths = table.columns.enumerated().map { index, column in
            allRows.reduce(TextWidth.of(column.header)) { max($0, TextWidth.of($1[index])) }
        }
        var separator = 2
        if let maximumWidth {
            func total() -> Int { widths.reduce(0, +) + separator * max(0, count - 1) }
            if total() > maximumWidth { separator = 1 }
            var excess = total() - maximumWidth
            // Cut the widest flexible column first, one character at a time.
            while excess > 0 {
                let candidates = table.columns.indices.filter { table.columns[$0].flexible && widths[$0] > table.columns[$0].minimumWidth }
                guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
                excess -= 1
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, column) in table.columns.enumerated() {
                let text = TextWidth.truncate(index < cells.count ? cells[index] : "", to: widths[index])
                parts.append(TextWidth.pad(text, to: widths[index], alignment: column.alignment))
            }
            return TextWidth.trimTrailing(parts.joined(separator: String(repeating: " ", count: separator)))
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: String(repeating: " ", count: separator))
        var lines = [line(table.columns.map(\.header)), rule]
        lines += table.rows.map(line)
        if !table.footer.isEmpty {
            lines.append(rule)
            lines += table.footer.map(line)
        }
        return lines
    }
}

/// Widths of text on a terminal, counted in characters (the region names and codes Entas
/// prints are Latin script).
enum TextWidth {
    static func of(_ text: String) -> Int { text.count }

    /// `text` cut to `width` characters, its last one replaced by `…` when it was cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(width)) }
        return String(text.prefix(width - 1)) + "…"
    }

    static func pad(_ text: String, to width: Int, alignment: TableColumn.Alignment) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return alignment == .left ? text + padding : padding + text
    }

    static func trimTrailing(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }

    /// Words of `text` wrapped into lines of at most `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
