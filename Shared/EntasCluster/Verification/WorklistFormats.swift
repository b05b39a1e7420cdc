import EntasAPI
import EntasDomain
import EntasService
import Foundation

extension Worklist {
    /// The worklist as CSV (RFC 4180): one row per household, each cluster's status in a column of its own.
    public var csv: String {
        let header =
            [
                "kkNumber", "headName", "address", "desaCode", "flags", "consensusStatus", "caseID", "caseState",
                "caseOpenedOn", "caseAgeDays", "team", "verifiedStatus", "verifiedOn",
            ] + Cluster.allCases.map(\.rawValue)
        let rows = entries.map { entry in
            let statuses = Dictionary(entry.statements.map { ($0.cluster, $0.status.rawValue) }, uniquingKeysWith: { first, _ in first })
            let verification = entry.verification
            return [
                entry.kkNumber, entry.headName, entry.address, entry.desaCode.dotted,
                entry.flags.map(\.rawValue).joined(separator: " "), entry.consensusStatus?.rawValue ?? "",
                verification?.caseID ?? "", verification?.state.rawValue ?? "", verification?.openedOn?.description ?? "",
                verification?.ageDays.map(String.init) ?? "", verification?.team ?? "",
                verification?.verifiedStatus?.rawValue ?? "", verification?.verifiedOn?.description ?? "",
            ] + Cluster.allCases.map { statuses[$0] ?? "" }
        }
        return CSVRenderer.render(header: header, rows: rows) + "\n"
    }

    /// The worklist as a printable page a field team takes to the desa: one row per household with the head,
    /// the address, the clusters' statements, and empty cells for the status found and the minutes.
    public func page(service: String) -> String {
        let rows = entries.map { entry -> HTML in
            let statements = entry.statements.map { "\($0.cluster.rawValue): \($0.status.abbreviation)" }.joined(separator: ", ")
            let caseText = entry.verification.map { summary -> String in
                switch summary.state {
                case .verified: "verified \(summary.verifiedStatus?.abbreviation ?? "") on \(summary.verifiedOn?.description ?? "")"
                case .open, .assigned:
                    "\(summary.kind?.rawValue ?? "") since \(summary.openedOn?.description ?? "") (\(summary.ageDays ?? 0) days)"
                        + (summary.team.map { ", team \($0)" } ?? "") + "\n\(summary.caseID ?? "")"
                }
            } ?? ""
            return """
                <tr><td>\(entry.kkNumber)</td><td>\(entry.headName)</td><td>\(entry.address)<br>\(entry.desaCode.dotted)</td>\
                <td>\(entry.flags.map(\.rawValue).joined(separator: ", "))</td><td>\(entry.consensusStatus?.abbreviation ?? "–")</td>\
                <td>\(statements)</td><td class="case">\(caseText)</td><td></td><td></td></tr>
                """
        }
        let html: HTML = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Worklist \(regionName) (\(regionCode.dotted))</title>
            <style>
            body { font: 11pt sans-serif; margin: 1.5cm; } table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #444; padding: 4px; vertical-align: top; text-align: left; }
            td.case { white-space: pre-line; font-size: 9pt; } td:nth-child(8), td:nth-child(9) { min-width: 7em; }
            @media print { body { margin: 0; } }
            </style></head><body>
            <h1>Worklist: \(regionName) (\(regionCode.dotted))</h1>
            <p>\(service) · \(entries.count) of \(households) households flagged\(flag.map { " (\($0.rawValue))" } ?? "") · \
            printed for verifikasi dan validasi; record each result with the case id (POST /v1/households/{kk}/verification).</p>
            <table><thead><tr><th>No. KK</th><th>Head of household</th><th>Address</th><th>Flags</th><th>Consensus</th>\
            <th>Clusters say</th><th>Case</th><th>Status found</th><th>Minutes (berita acara)</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            </body></html>
            """
        return html.rendered
    }
}
