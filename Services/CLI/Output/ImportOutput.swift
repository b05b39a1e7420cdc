import EntasAPI

/// The summary of `entas import` and its progress bar.
enum ImportOutput {
    /// The counts, then the rejected rows (reasons in full).
    static func summary(_ summary: ImportSummary, file: String, service: String) -> String {
        var lines = [
            "Imported \(file) into \(service): \(NumberFormat.grouped(summary.rows)) rows",
        ]
        let counts = [("created", summary.created), ("updated", summary.updated), ("unchanged", summary.unchanged), ("rejected", summary.rejected)]
        lines += TableRenderer.render(
            Table(columns: [.left(""), .right("")], rows: counts.map { [$0.0, NumberFormat.grouped($0.1)] }), maximumWidth: nil
        ).dropFirst(2).map { "  " + $0 }
        guard !summary.rejections.isEmpty else { return lines.joined(separator: "\n") }
        lines += ["", "Rejected rows (the header is row 1):"]
        lines += TableRenderer.render(
            Table(
                columns: [.right("Row"), .left("Field"), .left("Reason")],
                rows: summary.rejections.map { [String($0.row), $0.field ?? "-", $0.reason] }),
            maximumWidth: nil)
        if summary.rejectionsTruncated {
            lines.append("… and \(NumberFormat.grouped(summary.rejected - summary.rejections.count)) more rejected rows not listed.")
        }
        return lines.joined(separator: "\n")
    }

    /// `[##########··········]  50%  1,000 rows sent`, `width` characters of bar.
    static func progressBar(_ progress: ImportUploader.Progress, width: Int = 30) -> String {
        let filled = Int((progress.fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let percent = Int((progress.fraction * 100).rounded(.down))
        let percentText = String(repeating: " ", count: max(0, 3 - String(percent).count)) + String(percent)
        return "[\(bar)] \(percentText)%  \(NumberFormat.grouped(progress.rowsSent)) rows sent"
    }
}
