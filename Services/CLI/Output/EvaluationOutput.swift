import EntasAPI
import EntasDomain

/// `entas evaluate` as a table or CSV: the targets, the SM households and social-aid coverage against them,
/// realisation against commitment per programme, strategy and cluster (rupiah), the child regions furthest
/// behind first, and the SM trajectory.
enum EvaluationOutput {
    static func table(_ report: EvaluationReport, maximumWidth: Int = 80) -> String {
        let region = report.region
        let name = "\(region.name) (\(region.level.indonesianName) \(region.code.dotted))"
        var lines = [Message("cli.evaluate.title", .text(name), .text(report.period.description)).rendered(), TargetText.line(report.target)]
        lines += TextWidth.wrap(smLine(report), width: maximumWidth)
        lines += TextWidth.wrap(coverageLine(report.socialAidCoverage), width: maximumWidth)
        lines += TextWidth.wrap(peopleLine(report.total.realised), width: maximumWidth)
        if report.programmes.isEmpty {
            lines += ["", Message("cli.evaluate.nothing", .text(report.period.description)).rendered()]
        } else {
            let programmes = report.programmes.map { ("\($0.cluster?.serviceName ?? "") \($0.programme ?? "")", $0) }
            lines += [""] + TableRenderer.render(lineTable(Message("cli.column.programme"), programmes, total: report.total), maximumWidth: maximumWidth)
            let strategies = report.strategies.map { ($0.strategy?.rawValue ?? "", $0) }
            lines += [""] + TableRenderer.render(lineTable(Message("cli.column.strategy"), strategies, total: nil), maximumWidth: maximumWidth)
            lines += [""] + TableRenderer.render(rupiahTable(report), maximumWidth: maximumWidth)
        }
        if !report.regions.isEmpty {
            lines += ["", Message("cli.evaluate.regions").rendered()] + TableRenderer.render(regionTable(report.regions), maximumWidth: maximumWidth)
        }
        if !report.trajectory.isEmpty {
            lines += ["", Message("cli.evaluate.trajectory").rendered()]
                + TableRenderer.render(trajectoryTable(report.trajectory), maximumWidth: maximumWidth)
        }
        lines += [""] + TextWidth.wrap(legend, width: maximumWidth)
        return lines.map { TextWidth.truncate($0, to: maximumWidth) }.joined(separator: "\n")
    }

    static var legend: String { Message("cli.evaluate.legend").rendered() }

    static func smLine(_ report: EvaluationReport) -> String {
        let sm = report.sangatMiskin
        var text = Message("cli.evaluate.sm", .count(sm.baseline), .count(sm.now), .count(sm.atPeriodEnd), .text(report.period.description)).rendered()
        if let target = sm.target {
            text += Message("cli.evaluate.sm.target", .count(target)).rendered()
            if sm.reduced < 0 {
                text += Message("cli.evaluate.sm.more", .count(-sm.reduced)).rendered()
            } else if let needed = sm.reductionNeeded, let achieved = sm.achievedPercent {
                text += Message("cli.evaluate.sm.fewer", .count(sm.reduced), .count(needed), .text(Self.percent(achieved))).rendered()
            }
            text += (sm.targetMet == true ? Message("cli.evaluate.met") : Message("cli.evaluate.notMet")).rendered()
        }
        return text
    }

    /// `Served: 1,234 households, 5,678 people (jiwa)`: the programmes' lines added up.
    static func peopleLine(_ realised: Realisation) -> String {
        Message("cli.evaluate.served", .count(realised.householdsServed), .count(realised.peopleServed)).rendered()
    }

    static func coverageLine(_ coverage: CoverageProgress) -> String {
        var text = Message("cli.evaluate.coverage", .count(coverage.covered), .count(coverage.households)).rendered()
        if let value = coverage.percent { text += " (\(percent(value)))" }
        if let target = coverage.targetPercent {
            text += Message("cli.evaluate.coverage.target", .text("\(target)%")).rendered()
                + (coverage.targetMet == true ? Message("cli.evaluate.coverage.met") : Message("cli.evaluate.coverage.notMet")).rendered()
        }
        return text
    }

    /// `83.3%` (`83,3%`), or `-`.
    static func percent(_ value: Double?) -> String {
        guard let value else { return "-" }
        return value == value.rounded() ? "\(Int(value))%" : NumberFormat.decimal("\(value)") + "%"
    }

    static func lineTable(_ heading: Message, _ lines: [(String, EvaluationLine)], total: EvaluationLine?) -> Table {
        func cells(_ name: String, _ line: EvaluationLine) -> [String] {
            [
                name, NumberFormat.grouped(line.committed.households), NumberFormat.grouped(line.realised.enrolmentsStarted),
                NumberFormat.grouped(line.realised.householdsServed), percent(line.achieved.householdsServed),
                NumberFormat.grouped(line.committed.deliveries), NumberFormat.grouped(line.realised.deliveries), percent(line.achieved.deliveries),
                NumberFormat.grouped(line.realised.graduations), percent(line.achieved.graduations),
            ]
        }
        return Table(
            columns: [
                .flexible(heading, minimumWidth: 10), .right(Message("cli.evaluate.column.households")), .right(Message("cli.evaluate.column.started")),
                .right(Message("cli.evaluate.column.served")), .right("%"), .right(Message("cli.evaluate.column.deliveries")),
                .right(Message("cli.evaluate.column.deliveriesMade")), .right("%"), .right(Message("cli.evaluate.column.graduations")),
                .right(Message("cli.evaluate.column.graduationsPercent")),
            ],
            rows: lines.map { cells($0.0, $0.1) }, footer: total.map { [cells(Message("cli.table.total").rendered(), $0)] } ?? [])
    }

    static func rupiahTable(_ report: EvaluationReport) -> Table {
        func cells(_ name: String, _ line: EvaluationLine) -> [String] {
            [
                name, NumberFormat.grouped(line.committed.budgetRupiah), NumberFormat.grouped(line.realised.deliveredRupiah),
                percent(line.achieved.deliveredRupiah), NumberFormat.grouped(line.realised.graduations),
                percent(line.achieved.graduations), line.realised.graduatedHouseholds.map { NumberFormat.grouped($0) } ?? "",
            ]
        }
        return Table(
            columns: [
                .flexible(Message("cli.column.cluster"), minimumWidth: 10), .right(Message("cli.column.budget")),
                .right(Message("cli.evaluate.column.deliveredRupiah")), .right("%"), .right(Message("cli.evaluate.column.graduations")),
                .right(Message("cli.evaluate.column.graduationsPercent")), .right(Message("cli.evaluate.column.graduatedHouseholds")),
            ],
            rows: report.clusters.map { cells($0.cluster?.serviceName ?? "", $0) }, footer: [cells(Message("cli.table.total").rendered(), report.total)])
    }

    static func regionTable(_ regions: [EvaluationRegion]) -> Table {
        Table(
            columns: [
                .left(Message("cli.overview.column.code")), .flexible(Message("cli.overview.column.name")),
                .right(Message("cli.evaluate.column.households")), .right(Message("cli.evaluate.column.served")), .right("%"),
                .right(Message("cli.evaluate.column.deliveriesPercent")), .right("Rp %"), .right(Message("cli.evaluate.column.graduations")),
                .right(Message("cli.evaluate.column.graduationsPercent")), .right(Message("cli.evaluate.column.smBaseline")),
                .right(Message("cli.evaluate.column.smNow")),
            ],
            rows: regions.map {
                [
                    $0.code.dotted, RegionNames.short($0.name), NumberFormat.grouped($0.committed.households),
                    NumberFormat.grouped($0.realised.householdsServed), percent($0.achieved.householdsServed), percent($0.achieved.deliveries),
                    percent($0.achieved.deliveredRupiah), NumberFormat.grouped($0.realised.graduations), percent($0.achieved.graduations),
                    NumberFormat.grouped($0.baselineSangatMiskin), NumberFormat.grouped($0.sangatMiskin),
                ]
            })
    }

    /// The first month, every month whose count differs from the month before, and the last.
    static func trajectoryTable(_ months: [TrajectoryMonth]) -> Table {
        var rows: [[String]] = []
        for (index, month) in months.enumerated() where index == 0 || index == months.count - 1 || month.sangatMiskin != months[index - 1].sangatMiskin {
            rows.append([TimeFormat.month(month.month), NumberFormat.grouped(month.sangatMiskin)])
        }
        return Table(columns: [.left(Message("cli.column.month")), .right("SM")], rows: rows)
    }

    static let csvHeader = [
        "kind", "regionCode", "period", "cluster", "programme", "strategy", "committedHouseholds", "committedDeliveries", "budgetRupiah",
        "committedGraduations", "enrolmentsStarted", "householdsServed", "deliveries", "deliveredRupiah", "graduations", "graduatedHouseholds",
        "enrolmentsAchieved",
        "householdsAchieved", "deliveriesAchieved", "rupiahAchieved", "graduationsAchieved", "sangatMiskin", "peopleServed",
    ]

    /// One row per programme, cluster, strategy and child region, a `total` row, and one `month` row per month
    /// of the SM trajectory (its month in the period column).
    static func csv(_ report: EvaluationReport) -> String {
        let code = report.region.code.dotted
        let period = report.period.description
        func figures(_ committed: CommittedFigures, _ realised: Realisation, _ achieved: Achievement) -> [String] {
            [
                String(committed.households), String(committed.deliveries), String(committed.budgetRupiah),
                String(committed.graduations), String(realised.enrolmentsStarted),
                String(realised.householdsServed), String(realised.deliveries), String(realised.deliveredRupiah),
                String(realised.graduations), realised.graduatedHouseholds.map(String.init) ?? "",
            ]
                + [achieved.enrolmentsStarted, achieved.householdsServed, achieved.deliveries, achieved.deliveredRupiah, achieved.graduations]
                .map { $0.map { "\($0)" } ?? "" }
        }
        func line(_ kind: String, _ line: EvaluationLine, sangatMiskin: String = "") -> [String] {
            [kind, code, period, line.cluster?.rawValue ?? "", line.programme ?? "", line.strategy?.rawValue ?? ""]
                + figures(line.committed, line.realised, line.achieved) + [sangatMiskin, String(line.realised.peopleServed)]
        }
        var rows = report.programmes.map { line("programme", $0) } + report.clusters.map { line("cluster", $0) }
        rows += report.strategies.map { line("strategy", $0) }
        rows += report.regions.map {
            ["region", $0.code.dotted, period, "", "", ""] + figures($0.committed, $0.realised, $0.achieved)
                + [String($0.sangatMiskin), String($0.realised.peopleServed)]
        }
        rows.append(line("total", report.total, sangatMiskin: String(report.sangatMiskin.atPeriodEnd)))
        rows += report.trajectory.map { ["month", code, "\($0.month)"] + Array(repeating: "", count: csvHeader.count - 5) + [String($0.sangatMiskin), ""] }
        return CSVRenderer.render(header: csvHeader, rows: rows)
    }
}
