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
    /// the address, the clusters' statements, and empty cells for the status found and the minutes; its words
    /// in `language` (the flags, statuses and codes as the API names them).
    public func page(service: String, in language: Language = .current) -> String {
        func say(_ message: Message) -> String { message.rendered(in: language) }
        let rows = entries.map { entry -> HTML in
            let statements = entry.statements.map { "\($0.cluster.rawValue): \($0.status.abbreviation)" }.joined(separator: ", ")
            let caseText = entry.verification.map { summary -> String in
                switch summary.state {
                case .verified:
                    return say(
                        Message(
                            "cluster.worklist.case.verified", .text(summary.verifiedStatus?.abbreviation ?? ""),
                            summary.verifiedOn.map { .day($0) } ?? .text("")))
                case .open, .assigned:
                    let since = say(
                        Message(
                            "cluster.worklist.case.open", .count(summary.ageDays ?? 0), .message(Self.kindName(summary.kind)),
                            summary.openedOn.map { .day($0) } ?? .text("")))
                    let team = summary.team.map { say(Message("cluster.worklist.case.team", .text($0))) } ?? ""
                    return since + team + "\n\(summary.caseID ?? "")"
                }
            } ?? ""
            let flags = entry.flags.map { say(Self.flagName($0)) }.joined(separator: ", ")
            return """
                <tr><td>\(entry.kkNumber)</td><td>\(entry.headName)</td><td>\(entry.address)<br>\(entry.desaCode.dotted)</td>\
                <td>\(flags)</td><td>\(entry.consensusStatus?.abbreviation ?? "–")</td>\
                <td>\(statements)</td><td class="case">\(caseText)</td><td></td><td></td></tr>
                """
        }
        let summary =
            flag.map {
                Message("cluster.worklist.page.summaryOfFlag", .text(service), .count(entries.count), .count(households), .message(Self.flagName($0)))
            } ?? Message("cluster.worklist.page.summary", .text(service), .count(entries.count), .count(households))
        let html: HTML = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(say(Message("cluster.worklist.page.title", .text(regionName), .text(regionCode.dotted))))</title>
            <style>
            body { font: 11pt sans-serif; margin: 1.5cm; } table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #444; padding: 4px; vertical-align: top; text-align: left; }
            td.case { white-space: pre-line; font-size: 9pt; } td:nth-child(8), td:nth-child(9) { min-width: 7em; }
            @media print { body { margin: 0; } }
            </style></head><body>
            <h1>\(say(Message("cluster.worklist.page.heading", .text(regionName), .text(regionCode.dotted))))</h1>
            <p>\(say(summary))</p>
            <table><thead><tr><th>\(say(Message("cluster.worklist.column.kk")))</th><th>\(say(Message("cluster.worklist.column.head")))</th>\
            <th>\(say(Message("cluster.worklist.column.address")))</th><th>\(say(Message("cluster.worklist.column.flags")))</th>\
            <th>\(say(Message("cluster.worklist.column.consensus")))</th><th>\(say(Message("cluster.worklist.column.clusters")))</th>\
            <th>\(say(Message("cluster.worklist.column.case")))</th><th>\(say(Message("cluster.worklist.column.found")))</th>\
            <th>\(say(Message("cluster.worklist.column.minutes")))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            </body></html>
            """
        return html.rendered
    }

    /// A flag as the page says it.
    static func flagName(_ flag: HouseholdFlag) -> Message {
        switch flag {
        case .gap: Message("cluster.worklist.flag.gap")
        case .conflict: Message("cluster.worklist.flag.conflict")
        case .case: Message("cluster.worklist.flag.case")
        }
    }

    /// A case's kind as the page says it.
    static func kindName(_ kind: CaseKind?) -> Message {
        switch kind {
        case .conflict: Message("cluster.worklist.caseKind.conflict")
        case .requested: Message("cluster.worklist.caseKind.requested")
        case .sharedPerson: Message("cluster.worklist.caseKind.sharedPerson")
        case nil: Message("cluster.worklist.caseKind.unknown")
        }
    }
}
