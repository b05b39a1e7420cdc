import EntasService
import EntasAPI
import EntasDomain

/// The evaluation of a region and period as HTML sections, shared by the printable report
/// (`GET /v1/evaluation/report`) and the dashboard's cycle page: key figures, the SM trajectory against
/// baseline and target, and realisation against commitment per programme, cluster, strategy and child
/// region (furthest behind first). Every chart has the table with its numbers.
struct EvaluationSections: Sendable {
    var report: EvaluationReport

    func render() -> HTML {
        HTML(joining: [figures, trajectory, programmes, clusters, strategies, regions])
    }

    // MARK: Figures

    var figures: HTML {
        let sm = report.sangatMiskin
        let coverage = report.socialAidCoverage
        let total = report.total
        let none = Message("dashboard.evaluation.none").rendered()
        let period = Message.Argument.text(report.period.description)
        let items: [(Message, String, String)] = [
            (Message("dashboard.progress.smBaseline"), DashboardFormat.count(sm.baseline), "baseline-sm"),
            (Message("dashboard.evaluation.smNow"), DashboardFormat.count(sm.now), "sm-now"),
            (Message("dashboard.evaluation.smAtEnd", period), DashboardFormat.count(sm.atPeriodEnd), "sm-period-end"),
            (Message("dashboard.evaluation.smTarget"), sm.target.map { DashboardFormat.count($0) } ?? none, "sm-target"),
            (Message("dashboard.evaluation.wayToTarget"), Self.percent(sm.achievedPercent), "sm-achieved"),
            (Message("dashboard.evaluation.coverage"), Self.percent(coverage.percent), "coverage"),
            (Message("dashboard.evaluation.coverageTarget"), coverage.targetPercent.map { "\($0)%" } ?? none, "coverage-target"),
            (Message("dashboard.evaluation.householdsServed"), "\(DashboardFormat.count(total.realised.householdsServed)) / \(DashboardFormat.count(total.committed.households))", "households"),
            (Message("dashboard.evaluation.peopleServed"), DashboardFormat.count(total.realised.peopleServed), "people"),
            (Message("dashboard.evaluation.deliveriesMade"), "\(DashboardFormat.count(total.realised.deliveries)) / \(DashboardFormat.count(total.committed.deliveries))", "deliveries"),
            (Message("dashboard.evaluation.graduations"), "\(DashboardFormat.count(total.realised.graduations)) / \(DashboardFormat.count(total.committed.graduations))", "graduations"),
            (Message("dashboard.evaluation.graduatedIn", period), DashboardFormat.count(total.realised.graduatedHouseholds ?? 0), "graduated"),
        ]
        let cells = items.map { name, value, id -> HTML in "<div><dt>\(name)</dt><dd id=\"figure-\(id)\">\(value)</dd></div>" }
        return "<dl class=\"figures\" aria-label=\"\(Message("dashboard.figures.label"))\">\(cells)</dl>"
    }

    // MARK: Trajectory

    var trajectory: HTML {
        let months = report.trajectory
        guard !months.isEmpty else {
            return """
                <section id="trajectory" aria-labelledby="trajectory-heading"><h2 id="trajectory-heading">\(Message("dashboard.evaluation.perMonth"))</h2>
                <p class="muted">\(Message("dashboard.evaluation.noHousehold"))</p></section>
                """
        }
        var lines = [
            LineChart.Line(
                name: Message("dashboard.progress.smBaseline").rendered(), strokeClass: "k-base", swatchClass: "f-base", dashed: true,
                values: months.map { _ in report.sangatMiskin.baseline }),
            LineChart.Line(name: Message("dashboard.progress.smRemaining").rendered(), strokeClass: "k-sm", swatchClass: "f-sm", values: months.map(\.sangatMiskin)),
        ]
        if let target = report.sangatMiskin.target {
            lines.append(LineChart.Line(name: Message("dashboard.evaluation.smTarget").rendered(), strokeClass: "k-target", swatchClass: "f-grad", dashed: true, values: months.map { _ in target }))
        }
        let chart = LineChart(
            title: Message("dashboard.evaluation.chartTitle").rendered(), xLabels: months.map { DashboardFormat.month($0.month) },
            lines: lines, tableID: "trajectory-table")
        let rows = months.map { month -> HTML in
            """
            <tr data-month="\(month.month)"><th scope="row"><time datetime="\(month.month)">\(DashboardFormat.month(month.month))</time></th>\
            <td>\(DashboardFormat.count(month.sangatMiskin))</td></tr>
            """
        }
        return """
            <section id="trajectory" aria-labelledby="trajectory-heading">
            <h2 id="trajectory-heading">\(Message("dashboard.evaluation.perMonthFromBaseline"))</h2>
            \(chart.render())
            <div class="scroll"><table id="trajectory-table">
            <caption>\(Message("dashboard.evaluation.trajectoryCaption"))</caption>
            <thead><tr><th scope="col">\(Message("dashboard.progress.month"))</th><th scope="col">\(Message("dashboard.progress.smRemaining"))</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            </section>
            """
    }

    // MARK: Tables

    var programmes: HTML {
        guard !report.programmes.isEmpty else {
            return """
                <section id="programmes" aria-labelledby="programmes-heading"><h2 id="programmes-heading">\(Message("dashboard.evaluation.programmes"))</h2>
                <p class="muted">\(Message("dashboard.evaluation.nothing", .text(report.period.description)))</p></section>
                """
        }
        let chart = BarChart(
            title: Message("dashboard.evaluation.servedChart").rendered(),
            series: [
                BarChart.Series(name: Message("dashboard.evaluation.served").rendered(), fillClass: "f-served"),
                BarChart.Series(name: Message("dashboard.evaluation.notYetServed").rendered(), fillClass: "f-open"),
            ],
            rows: report.programmes.map { line in
                BarChart.Row(
                    label: "\(line.cluster?.indonesianName ?? "") · \(line.programme ?? "")", href: nil,
                    values: [line.realised.householdsServed, max(0, line.committed.households - line.realised.householdsServed)])
            },
            tableID: "programme-table", totalHeading: Message("dashboard.evaluation.servedOpen").rendered())
        let rows = report.programmes.map { line -> HTML in
            let name: HTML = "\(line.cluster?.indonesianName ?? "") · \(line.programme ?? "")"
            return Self.row(marker: "programme-\(line.cluster?.rawValue ?? "")-\(line.programme ?? "")", name: name, extra: [line.strategy?.indonesianName ?? ""], line)
        }
        return """
            <section id="programmes" aria-labelledby="programmes-heading">
            <h2 id="programmes-heading">\(Message("dashboard.evaluation.realisationHeading"))</h2>
            \(chart.render())
            \(Self.table(id: "programme-table", caption: Message("dashboard.evaluation.perProgramme"), first: Message("dashboard.plan.programme"), extra: [Message("dashboard.strategies.strategy")], rows: rows, total: report.total))
            </section>
            """
    }

    var clusters: HTML {
        guard !report.clusters.isEmpty else { return .empty }
        let rows = report.clusters.map { line -> HTML in
            Self.row(marker: "cluster-\(line.cluster?.rawValue ?? "")", name: "\(line.cluster?.indonesianName ?? "")", extra: [], line)
        }
        return """
            <section id="clusters" aria-labelledby="clusters-heading">
            <h2 id="clusters-heading">\(Message("dashboard.plan.perCluster"))</h2>
            \(Self.table(id: "cluster-table", caption: Message("dashboard.evaluation.clusterCaption"), first: Message("dashboard.strategies.cluster"), extra: [], rows: rows, total: report.total))
            </section>
            """
    }

    var strategies: HTML {
        guard !report.strategies.isEmpty else { return .empty }
        let rows = report.strategies.map { line -> HTML in
            Self.row(marker: "strategy-\(line.strategy?.rawValue ?? "")", name: "\(line.strategy?.indonesianName ?? "")", extra: [], line)
        }
        return """
            <section id="strategies" aria-labelledby="strategies-heading">
            <h2 id="strategies-heading">\(Message("dashboard.plan.perStrategy"))</h2>
            \(Self.table(id: "strategy-table", caption: Message("dashboard.plan.perStrategy"), first: Message("dashboard.strategies.strategy"), extra: [], rows: rows, total: nil))
            </section>
            """
    }

    var regions: HTML {
        guard !report.regions.isEmpty else { return .empty }
        let rows = report.regions.map { region -> HTML in
            let cells: [HTML] = [
                "\(DashboardFormat.count(region.committed.households))", "\(DashboardFormat.count(region.realised.householdsServed))",
                "\(Self.percent(region.achieved.householdsServed))", "\(Self.percent(region.achieved.deliveries))",
                "\(Self.percent(region.achieved.deliveredRupiah))", "\(DashboardFormat.count(region.realised.graduations))",
                "\(Self.percent(region.achieved.graduations))", "\(DashboardFormat.count(region.realised.graduatedHouseholds ?? 0))",
                "\(DashboardFormat.count(region.baselineSangatMiskin))", "\(DashboardFormat.count(region.sangatMiskin))",
            ]
            return """
                <tr data-region="\(region.code.dotted)"><th scope="row">\(region.code.dotted) \(region.name)</th>\
                \(cells.map { cell -> HTML in "<td>\(cell)</td>" })</tr>
                """
        }
        return """
            <section id="regions" aria-labelledby="regions-heading">
            <h2 id="regions-heading">\(Message("dashboard.evaluation.regionsHeading"))</h2>
            <div class="scroll"><table id="region-table">
            <caption>\(Message("dashboard.evaluation.regionsCaption"))</caption>
            <thead><tr><th scope="col">\(Message("dashboard.layout.region"))</th><th scope="col">\(Message("dashboard.plan.householdsCommitted"))</th><th scope="col">\(Message("dashboard.evaluation.served"))</th>\
            <th scope="col">\(Message("dashboard.evaluation.servedPercent"))</th><th scope="col">\(Message("dashboard.evaluation.deliveriesPercent"))</th><th scope="col">\(Message("dashboard.evaluation.rupiahPercent"))</th><th scope="col">\(Message("dashboard.common.graduated"))</th>\
            <th scope="col">\(Message("dashboard.evaluation.graduatedPercent"))</th><th scope="col">\(Message("dashboard.evaluation.householdsGraduated"))</th><th scope="col">\(Message("dashboard.progress.smBaseline"))</th><th scope="col">\(Message("dashboard.evaluation.smNow"))</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            </section>
            """
    }

    /// A realisation table: the name, `extra` columns, then committed and realised figures with their shares.
    static func table(id: String, caption: Message, first: Message, extra: [Message], rows: [HTML], total: EvaluationLine?) -> HTML {
        let extraHeadings = extra.map { heading -> HTML in "<th scope=\"col\">\(heading)</th>" }
        let headings = [
            Message("dashboard.plan.householdsCommitted"), Message("dashboard.strategies.started"), Message("dashboard.evaluation.householdsServedColumn"),
            Message("dashboard.evaluation.servedPercent"), Message("dashboard.evaluation.deliveriesCommitted"), Message("dashboard.evaluation.deliveriesMadeColumn"),
            Message("dashboard.evaluation.deliveriesPercent"), Message("dashboard.plan.budget"), Message("dashboard.strategies.cash"),
            Message("dashboard.evaluation.rupiahPercent"), Message("dashboard.evaluation.graduationsCommitted"), Message("dashboard.common.graduated"),
            Message("dashboard.evaluation.graduatedPercent"), Message("dashboard.evaluation.householdsGraduated"),
        ].map { heading -> HTML in "<th scope=\"col\">\(heading)</th>" }
        let footer: HTML = total.map { "<tfoot>\(row(marker: "total", name: "\(Message("dashboard.common.total"))", extra: extra.map { _ in "" }, $0))</tfoot>" } ?? .empty
        return """
            <div class="scroll"><table id="\(id)">
            <caption>\(caption)</caption>
            <thead><tr><th scope="col">\(first)</th>\(extraHeadings)\(headings)</tr></thead>
            <tbody>\(rows)</tbody>
            \(footer)
            </table></div>
            """
    }

    static func row(marker: String, name: HTML, extra: [String], _ line: EvaluationLine) -> HTML {
        let values: [String] = extra + [
            DashboardFormat.count(line.committed.households), DashboardFormat.count(line.realised.enrolmentsStarted),
            DashboardFormat.count(line.realised.householdsServed), percent(line.achieved.householdsServed),
            DashboardFormat.count(line.committed.deliveries), DashboardFormat.count(line.realised.deliveries), percent(line.achieved.deliveries),
            DashboardFormat.rupiah(line.committed.budgetRupiah), DashboardFormat.rupiah(line.realised.deliveredRupiah),
            percent(line.achieved.deliveredRupiah), DashboardFormat.count(line.committed.graduations),
            DashboardFormat.count(line.realised.graduations), percent(line.achieved.graduations),
            line.realised.graduatedHouseholds.map { DashboardFormat.count($0) } ?? "–",
        ]
        return "<tr data-line=\"\(marker)\"><th scope=\"row\">\(name)</th>\(values.map { value -> HTML in "<td>\(value)</td>" })</tr>"
    }

    /// `83,3%` / `83.3%`, `50%`, or `–` for nothing committed.
    static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return Language.current.decimal(value, digits: value == value.rounded() ? 0 : 1) + "%"
    }
}
