import EntasAPI
import EntasDomain

/// `entas plan` as a table or CSV: the need, the shortfall, the commitments per cluster and strategy, the
/// social-aid coverage against its target, and the child regions, largest shortfall first.
enum PlanOutput {
    static func table(_ plan: PlanReport, maximumWidth: Int = 80) -> String {
        let region = plan.region
        let need = plan.need
        let name = "\(region.name) (\(region.level.indonesianName) \(region.code.dotted))"
        var lines = [
            Message("cli.plan.title", .text(name), .text(plan.period.description)).rendered(),
            Message(
                "cli.plan.need", .count(need.sangatMiskin), .count(need.miskin), .count(need.hampirMiskin), .count(need.baselineSangatMiskin),
                .count(need.gaps)
            ).rendered(),
            TargetText.line(plan.target),
            "",
            Message("cli.plan.shortfall", .count(plan.shortfall.need), .count(plan.shortfall.covered), .count(plan.shortfall.short)).rendered(),
        ].flatMap { TextWidth.wrap($0, width: maximumWidth) + ($0.isEmpty ? [""] : []) }
        if plan.commitments.isEmpty {
            lines += ["", Message("cli.plan.noCommitments", .text(plan.period.description)).rendered()]
        } else {
            lines += [""] + TableRenderer.render(lineTable(plan.clusters, heading: Message("cli.column.cluster")) { $0.cluster?.serviceName ?? "" }, maximumWidth: maximumWidth)
            lines += [""] + TableRenderer.render(lineTable(plan.strategies, heading: Message("cli.column.strategy")) { $0.strategy?.rawValue ?? "" }, maximumWidth: maximumWidth)
        }
        if let coverage = plan.socialAidCoverage {
            let text = Message(
                "cli.plan.coverage", .text("\(coverage.targetPercent)%"), .count(coverage.households), .count(coverage.required),
                .count(coverage.committed), .count(coverage.coveredNow), .count(coverage.short)
            ).rendered()
            lines += [""] + TextWidth.wrap(text, width: maximumWidth)
        }
        if !plan.regions.isEmpty {
            let table = Table(
                columns: [
                    .left(Message("cli.overview.column.code")), .flexible(Message("cli.overview.column.name")), .right("SM"),
                    .right(Message("cli.plan.column.covered")), .right(Message("cli.plan.column.short")),
                ],
                rows: plan.regions.map {
                    [$0.code.dotted, RegionNames.short($0.name), NumberFormat.grouped($0.sangatMiskin), NumberFormat.grouped($0.covered), NumberFormat.grouped($0.short)]
                })
            lines += [""] + TableRenderer.render(table, maximumWidth: maximumWidth)
        }
        lines += [""] + TextWidth.wrap(legend, width: maximumWidth)
        return lines.map { TextWidth.truncate($0, to: maximumWidth) }.joined(separator: "\n")
    }

    static var legend: String { Message("cli.plan.legend").rendered() }

    static func lineTable(_ lines: [PlanLine], heading: Message, name: (PlanLine) -> String) -> Table {
        Table(
            columns: [
                .left(heading), .right(Message("cli.plan.column.households")), .right(Message("cli.plan.column.deliveries")),
                .right(Message("cli.column.budget")), .right(Message("cli.plan.column.smCovered")), .right(Message("cli.plan.column.smShort")),
            ],
            rows: lines.map {
                [
                    name($0), NumberFormat.grouped($0.committed.households), NumberFormat.grouped($0.committed.deliveries),
                    NumberFormat.grouped($0.committed.budgetRupiah), NumberFormat.grouped($0.coveredSangatMiskin),
                    NumberFormat.grouped($0.shortSangatMiskin),
                ]
            })
    }

    static let csvHeader = [
        "kind", "regionCode", "period", "cluster", "strategy", "households", "deliveries", "budgetRupiah", "sangatMiskin",
        "coveredSangatMiskin", "shortSangatMiskin",
    ]

    /// One row per cluster, strategy and child region, and a `total` row for the region asked for.
    static func csv(_ plan: PlanReport) -> String {
        let code = plan.region.code.dotted
        let period = plan.period.description
        func line(_ kind: String, _ line: PlanLine) -> [String] {
            [
                kind, code, period, line.cluster?.rawValue ?? "", line.strategy?.rawValue ?? "", String(line.committed.households),
                String(line.committed.deliveries), String(line.committed.budgetRupiah), String(plan.need.sangatMiskin),
                String(line.coveredSangatMiskin), String(line.shortSangatMiskin),
            ]
        }
        var rows = plan.clusters.map { line("cluster", $0) } + plan.strategies.map { line("strategy", $0) }
        rows += plan.regions.map { ["region", $0.code.dotted, period, "", "", "", "", "", String($0.sangatMiskin), String($0.covered), String($0.short)] }
        rows.append(["total", code, period, "", "", "", "", "", String(plan.shortfall.need), String(plan.shortfall.covered), String(plan.shortfall.short)])
        return CSVRenderer.render(header: csvHeader, rows: rows)
    }
}

/// The targets line shared by `entas plan` and `entas evaluate`.
enum TargetText {
    static func line(_ target: EffectiveTarget) -> String {
        var parts: [String] = []
        if let count = target.smRemaining {
            parts.append(
                Message("cli.target.smRemaining", .count(count)).rendered()
                    + (target.smRemainingFrom.map { Message("cli.target.setFor", .text($0.dotted)).rendered() } ?? ""))
        }
        if let share = target.socialAidCoverage {
            parts.append(
                Message("cli.target.coverage", .text("\(share)%")).rendered()
                    + (target.socialAidCoverageFrom.map { Message("cli.target.setFor", .text($0.dotted)).rendered() } ?? ""))
        }
        let year = String(target.year)
        guard !parts.isEmpty else { return Message("cli.target.none", .text(year)).rendered() }
        return Message("cli.target.line", .text(year), .text(parts.joined(separator: ", "))).rendered()
    }
}
