import EntasAPI
import EntasDomain

/// `entas gaps` and `entas conflicts` as tables or CSV. Households appear by masked KK only.
enum HouseholdListOutput {
    /// `2 households in a gap`, `101–200 of 250 households in a gap (next page: --offset 200)`,
    /// or that there are none; `what` follows the word "households" (`rumah tangga`).
    static func pageLine<Item>(_ page: HouseholdPage<Item>, what: Message) -> String {
        let what = Message.Argument.message(what)
        guard page.total > 0 else { return Message("cli.page.none", what).rendered() }
        guard !page.items.isEmpty else {
            return Message("cli.page.pastEnd", what, .count(page.total), .text(String(page.offset))).rendered()
        }
        if page.offset == 0, page.items.count == page.total {
            return Message("cli.page.all", .count(page.total), what).rendered()
        }
        let first = page.offset + 1
        let last = page.offset + page.items.count
        var line = Message("cli.page.part", .count(page.total), .count(first), .count(last), what).rendered()
        if last < page.total { line += Message("cli.page.next", .text(String(last))).rendered() }
        return line
    }

    // MARK: gaps

    static func gapsTable(_ page: HouseholdPage<GapItem>, maximumWidth: Int = 80) -> String {
        let table = Table(
            columns: [
                .left(Message("cli.list.column.kk")), .left(Message("cli.list.column.desa")), .flexible(Message("cli.list.column.name")),
                .left(Message("cli.list.column.status")), .left(Message("cli.list.column.coveredBy")), .left(Message("cli.list.column.uncovered")),
            ],
            rows: page.items.map {
                [
                    $0.maskedKK, $0.desaCode.dotted, $0.desaName, $0.consensusStatus.abbreviation,
                    ClusterLabels.list($0.coveredBy), $0.uncovered ? Language.current.yesNo(true) : "",
                ]
            })
        var lines = [pageLine(page, what: Message("cli.gaps.what"))]
        if !page.items.isEmpty { lines += [""] + TableRenderer.render(table, maximumWidth: maximumWidth) }
        return lines.joined(separator: "\n")
    }

    static func gapsCSV(_ page: HouseholdPage<GapItem>) -> String {
        CSVRenderer.render(
            header: ["maskedKK", "desaCode", "desaName", "consensusStatus", "coveredBy", "uncovered", "key"],
            rows: page.items.map {
                [
                    $0.maskedKK, $0.desaCode.dotted, $0.desaName, $0.consensusStatus.rawValue,
                    $0.coveredBy.map(\.rawValue).joined(separator: ";"), String($0.uncovered), $0.key.rawValue,
                ]
            })
    }

    // MARK: conflicts

    /// `SA=M UMKM=SM`: each cluster's latest status.
    static func statuses(_ assessments: [ClusterStatus]) -> String {
        assessments.map { "\(ClusterLabels.short($0.cluster))=\($0.status.abbreviation)" }.joined(separator: " ")
    }

    static func conflictsTable(_ page: HouseholdPage<ConflictItem>, maximumWidth: Int = 80) -> String {
        let table = Table(
            columns: [
                .left(Message("cli.list.column.kk")), .left(Message("cli.list.column.desa")), .flexible(Message("cli.list.column.name")),
                .left(Message("cli.list.column.consensus")), .left(Message("cli.list.column.clustersSay")),
            ],
            rows: page.items.map {
                [
                    $0.maskedKK, $0.desaCode.dotted, $0.desaName, $0.consensusStatus?.abbreviation ?? "-",
                    statuses($0.assessments),
                ]
            })
        var lines = [pageLine(page, what: Message("cli.conflicts.what"))]
        if !page.items.isEmpty { lines += [""] + TableRenderer.render(table, maximumWidth: maximumWidth) }
        return lines.joined(separator: "\n")
    }

    static func conflictsCSV(_ page: HouseholdPage<ConflictItem>) -> String {
        let clusters = Cluster.allCases
        return CSVRenderer.render(
            header: ["maskedKK", "desaCode", "desaName", "consensusStatus"] + clusters.map { "\($0.rawValue)Status" } + ["key"],
            rows: page.items.map { item in
                [item.maskedKK, item.desaCode.dotted, item.desaName, item.consensusStatus?.rawValue ?? ""]
                    + clusters.map { cluster in item.assessments.first { $0.cluster == cluster }?.status.rawValue ?? "" }
                    + [item.key.rawValue]
            })
    }

    // MARK: cases

    /// `conflict, 12 days, tim-1` or `verified M on 2027-03-05`.
    static func caseText(_ summary: CaseSummary) -> String {
        switch summary.state {
        case .verified:
            let on = summary.verifiedOn.map { TimeFormat.day($0) } ?? "-"
            return Message("cli.case.verified", .text(summary.verifiedStatus?.abbreviation ?? "-"), .text(on)).rendered()
        case .open, .assigned:
            let age = summary.ageDays.map { Message("cli.case.days", .count($0)).rendered() } ?? "-"
            return "\(summary.kind?.rawValue ?? "-"), \(age)" + (summary.team.map { ", \($0)" } ?? "")
        }
    }

    static func casesTable(_ page: HouseholdPage<CaseItem>, what: Message, maximumWidth: Int = 100) -> String {
        let table = Table(
            columns: [
                .left(Message("cli.list.column.kk")), .left(Message("cli.list.column.desa")), .flexible(Message("cli.list.column.name")),
                .left(Message("cli.list.column.consensus")), .left(Message("cli.list.column.case")), .left(Message("cli.list.column.clustersSay")),
            ],
            rows: page.items.map {
                [
                    $0.maskedKK, $0.desaCode.dotted, $0.desaName, $0.consensusStatus?.abbreviation ?? "-",
                    caseText($0.verification), statuses($0.assessments),
                ]
            })
        var lines = [pageLine(page, what: what)]
        if !page.items.isEmpty { lines += [""] + TableRenderer.render(table, maximumWidth: maximumWidth) }
        return lines.joined(separator: "\n")
    }

    static func casesCSV(_ page: HouseholdPage<CaseItem>) -> String {
        CSVRenderer.render(
            header: [
                "maskedKK", "desaCode", "desaName", "consensusStatus", "inConflict", "state", "caseID", "kind", "openedOn",
                "ageDays", "team", "verifiedStatus", "verifiedOn", "key",
            ],
            rows: page.items.map { item in
                let summary = item.verification
                return [
                    item.maskedKK, item.desaCode.dotted, item.desaName, item.consensusStatus?.rawValue ?? "", String(item.inConflict),
                    summary.state.rawValue, summary.caseID ?? "", summary.kind?.rawValue ?? "", summary.openedOn?.description ?? "",
                    summary.ageDays.map(String.init) ?? "", summary.team ?? "", summary.verifiedStatus?.rawValue ?? "",
                    summary.verifiedOn?.description ?? "", item.key.rawValue,
                ]
            })
    }
}
