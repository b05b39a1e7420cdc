import EntasAPI
import EntasDomain

/// `entas plan` as a table or CSV: the need, the shortfall, the commitments per cluster and strategy, the
/// social-aid coverage against its target, and the child regions, largest shortfall first.
enum PlanOutput {
    static func table(_ plan: PlanReport, maximumWidth: Int = 80) -> String {
        let region = plan.region
        let need = plan.need
        var lines = [
            "Plan for \(region.name) (\(region.level.indonesianName) \(region.code.dotted)), \(plan.period)",
            "Need now: \(NumberFormat.grouped(need.sangatMiskin)) SM, \(NumberFormat.grouped(need.miskin)) M, "
                + "\(NumberFormat.grouped(need.hampirMiskin)) HM (SM at baseline \(NumberFormat.grouped(need.baselineSangatMiskin))); "
                + "\(NumberFormat.grouped(need.gaps)) SM or M without social aid",
            TargetText.line(plan.target),
            "",
            "SM shortfall: \(NumberFormat.grouped(plan.shortfall.need)) SM households, \(NumberFormat.grouped(plan.shortfall.covered)) "
                + "covered by commitments, \(NumberFormat.grouped(plan.shortfall.short)) short",
        ].flatMap { TextWidth.wrap($0, width: maximumWidth) + ($0.isEmpty ? [""] : []) }
        if plan.commitments.isEmpty {
            lines += ["", "No commitments for \(plan.period) in this region yet; the clusters make them with POST /v1/commitments."]
        } else {
            lines += [""] + TableRenderer.render(lineTable(plan.clusters, heading: "Cluster") { $0.cluster?.serviceName ?? "" }, maximumWidth: maximumWidth)
            lines += [""] + TableRenderer.render(lineTable(plan.strategies, heading: "Strategy") { $0.strategy?.rawValue ?? "" }, maximumWidth: maximumWidth)
        }
        if let coverage = plan.socialAidCoverage {
            lines += [""] + TextWidth.wrap(
                "Social aid coverage target \(coverage.targetPercent)% of \(NumberFormat.grouped(coverage.households)) SM and M households: "
                    + "\(NumberFormat.grouped(coverage.required)) needed, \(NumberFormat.grouped(coverage.committed)) committed, "
                    + "\(NumberFormat.grouped(coverage.coveredNow)) covered now, \(NumberFormat.grouped(coverage.short)) short",
                width: maximumWidth)
        }
        if !plan.regions.isEmpty {
            let table = Table(
                columns: [.left("Code"), .flexible("Name"), .right("SM"), .right("Covered"), .right("Short")],
                rows: plan.regions.map {
                    [$0.code.dotted, RegionNames.short($0.name), NumberFormat.grouped($0.sangatMiskin), NumberFormat.grouped($0.covered), NumberFormat.grouped($0.short)]
                })
            lines += [""] + TableRenderer.render(table, maximumWidth: maximumWidth)
        }
        lines += [""] + TextWidth.wrap(legend, width: maximumWidth)
        return lines.map { TextWidth.truncate($0, to: maximumWidth) }.joined(separator: "\n")
    }

    static let legend =
        "Households: each programme's committed households added up; SM covered: the largest commitment per region, "
        + "regions added up, never more than a region's SM households; Short: SM households no commitment covers."

    static func lineTable(_ lines: [PlanLine], heading: String, name: (PlanLine) -> String) -> Table {
        Table(
            columns: [.left(heading), .right("Households"), .right("Deliveries"), .right("Budget (Rp)"), .right("SM covered"), .right("SM short")],
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
            parts.append("SM remaining \(NumberFormat.grouped(count))" + (target.smRemainingFrom.map { " (set for \($0.dotted))" } ?? ""))
        }
        if let share = target.socialAidCoverage {
            parts.append("social-aid coverage \(share)%" + (target.socialAidCoverageFrom.map { " (set for \($0.dotted))" } ?? ""))
        }
        guard !parts.isEmpty else { return "Targets \(target.year): none set (Bappeda sets them with `entas target set`)" }
        return "Targets \(target.year): " + parts.joined(separator: ", ")
    }
}
