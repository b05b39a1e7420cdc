import EntasAPI
import EntasDomain

/// The summary of `entas import` and its progress bar.
enum ImportOutput {
    /// The counts, then the rejected rows (reasons in full).
    static func summary(_ summary: ImportSummary, file: String, service: String) -> String {
        var lines = [Message("cli.import.summary", .text(file), .text(service), .count(summary.rows)).rendered()]
        let counts = [
            (Message("cli.import.created").rendered(), summary.created), (Message("cli.import.updated").rendered(), summary.updated),
            (Message("cli.import.unchanged").rendered(), summary.unchanged), (Message("cli.import.rejected").rendered(), summary.rejected),
        ]
        lines += TableRenderer.render(
            Table(columns: [.left(""), .right("")], rows: counts.map { [$0.0, NumberFormat.grouped($0.1)] }), maximumWidth: nil
        ).dropFirst(2).map { "  " + $0 }
        guard !summary.rejections.isEmpty else { return lines.joined(separator: "\n") }
        lines += ["", Message("cli.import.rejectedRows").rendered()]
        lines += TableRenderer.render(
            Table(
                columns: [.right(Message("cli.import.column.row")), .left(Message("cli.import.column.field")), .left(Message("cli.household.column.reason"))],
                rows: summary.rejections.map { [String($0.row), $0.field ?? "-", $0.reason] }),
            maximumWidth: nil)
        if summary.rejectionsTruncated {
            lines.append(Message("cli.import.moreRejected", .count(summary.rejected - summary.rejections.count)).rendered())
        }
        return lines.joined(separator: "\n")
    }

    /// `[##########··········]  50%  1,000 rows sent`, `width` characters of bar.
    static func progressBar(_ progress: ImportUploader.Progress, width: Int = 30) -> String {
        let filled = Int((progress.fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let percent = Int((progress.fraction * 100).rounded(.down))
        let percentText = String(repeating: " ", count: max(0, 3 - String(percent).count)) + String(percent)
        return "[\(bar)] \(percentText)%  " + Message("cli.import.progress", .count(progress.rowsSent)).rendered()
    }
}
