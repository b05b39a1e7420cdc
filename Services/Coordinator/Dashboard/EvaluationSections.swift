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
        let items: [(String, String, String)] = [
            ("SM at baseline", DashboardFormat.count(sm.baseline), "baseline-sm"),
            ("SM now", DashboardFormat.count(sm.now), "sm-now"),
            ("SM at the end of \(report.period)", DashboardFormat.count(sm.atPeriodEnd), "sm-period-end"),
            ("SM target", sm.target.map { DashboardFormat.count($0) } ?? "none", "sm-target"),
            ("Way to the SM target", Self.percent(sm.achievedPercent), "sm-achieved"),
            ("Social-aid coverage of SM and M", Self.percent(coverage.percent), "coverage"),
            ("Coverage target", coverage.targetPercent.map { "\($0)%" } ?? "none", "coverage-target"),
            ("Households served / committed", "\(DashboardFormat.count(total.realised.householdsServed)) / \(DashboardFormat.count(total.committed.households))", "households"),
            ("People (jiwa) served", DashboardFormat.count(total.realised.peopleServed), "people"),
            ("Deliveries made / committed", "\(DashboardFormat.count(total.realised.deliveries)) / \(DashboardFormat.count(total.committed.deliveries))", "deliveries"),
            ("Graduations / committed", "\(DashboardFormat.count(total.realised.graduations)) / \(DashboardFormat.count(total.committed.graduations))", "graduations"),
            ("Households graduated in \(report.period)", DashboardFormat.count(total.realised.graduatedHouseholds ?? 0), "graduated"),
        ]
        let cells = items.map { name, value, id -> HTML in "<div><dt>\(name)</dt><dd id=\"figure-\(id)\">\(value)</dd></div>" }
        return "<dl class=\"figures\" aria-label=\"Key figures\">\(cells)</dl>"
    }

    // MARK: Trajectory

    var trajectory: HTML {
        let months = report.trajectory
        guard !months.isEmpty else {
            return """
                <section id="trajectory" aria-labelledby="trajectory-heading"><h2 id="trajectory-heading">Sangat Miskin per month</h2>
                <p class="muted">No household in this region yet.</p></section>
                """
        }
        var lines = [
            LineChart.Line(
                name: "SM at baseline", strokeClass: "k-base", swatchClass: "f-base", dashed: true,
                values: months.map { _ in report.sangatMiskin.baseline }),
            LineChart.Line(name: "SM remaining", strokeClass: "k-sm", swatchClass: "f-sm", values: months.map(\.sangatMiskin)),
        ]
        if let target = report.sangatMiskin.target {
            lines.append(LineChart.Line(name: "SM target", strokeClass: "k-target", swatchClass: "f-grad", dashed: true, values: months.map { _ in target }))
        }
        let chart = LineChart(
            title: "Sangat Miskin households per month against the baseline and the target", xLabels: months.map { DashboardFormat.month($0.month) },
            lines: lines, tableID: "trajectory-table")
        let rows = months.map { month -> HTML in
            """
            <tr data-month="\(month.month)"><th scope="row"><time datetime="\(month.month)">\(DashboardFormat.month(month.month))</time></th>\
            <td>\(DashboardFormat.count(month.sangatMiskin))</td></tr>
            """
        }
        return """
            <section id="trajectory" aria-labelledby="trajectory-heading">
            <h2 id="trajectory-heading">Sangat Miskin per month, from the baseline</h2>
            \(chart.render())
            <div class="scroll"><table id="trajectory-table">
            <caption>SM households at the end of each month</caption>
            <thead><tr><th scope="col">Month</th><th scope="col">SM remaining</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            </section>
            """
    }

    // MARK: Tables

    var programmes: HTML {
        guard !report.programmes.isEmpty else {
            return """
                <section id="programmes" aria-labelledby="programmes-heading"><h2 id="programmes-heading">Programmes</h2>
                <p class="muted">No commitment and nothing done in \(report.period) in this region.</p></section>
                """
        }
        let chart = BarChart(
            title: "Households served against households committed, per programme",
            series: [BarChart.Series(name: "Served", fillClass: "f-served"), BarChart.Series(name: "Committed, not yet served", fillClass: "f-open")],
            rows: report.programmes.map { line in
                BarChart.Row(
                    label: "\(line.cluster?.indonesianName ?? "") · \(line.programme ?? "")", href: nil,
                    values: [line.realised.householdsServed, max(0, line.committed.households - line.realised.householdsServed)])
            },
            tableID: "programme-table", totalHeading: "served + open")
        let rows = report.programmes.map { line -> HTML in
            let name: HTML = "\(line.cluster?.indonesianName ?? "") · \(line.programme ?? "")"
            return Self.row(marker: "programme-\(line.cluster?.rawValue ?? "")-\(line.programme ?? "")", name: name, extra: [line.strategy?.indonesianName ?? ""], line)
        }
        return """
            <section id="programmes" aria-labelledby="programmes-heading">
            <h2 id="programmes-heading">Realisation against commitment, per programme</h2>
            \(chart.render())
            \(Self.table(id: "programme-table", caption: "Per programme", first: "Programme", extra: ["Strategy"], rows: rows, total: report.total))
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
            <h2 id="clusters-heading">Per cluster</h2>
            \(Self.table(id: "cluster-table", caption: "Per cluster, with the households each graduated", first: "Cluster", extra: [], rows: rows, total: report.total))
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
            <h2 id="strategies-heading">Per strategy</h2>
            \(Self.table(id: "strategy-table", caption: "Per strategy", first: "Strategy", extra: [], rows: rows, total: nil))
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
            <h2 id="regions-heading">Regions, furthest behind first</h2>
            <div class="scroll"><table id="region-table">
            <caption>Ordered by the share of committed households served (regions without a commitment last)</caption>
            <thead><tr><th scope="col">Region</th><th scope="col">Households committed</th><th scope="col">Served</th>\
            <th scope="col">Served %</th><th scope="col">Deliveries %</th><th scope="col">Rupiah %</th><th scope="col">Graduated</th>\
            <th scope="col">Graduated %</th><th scope="col">Households graduated</th><th scope="col">SM at baseline</th><th scope="col">SM now</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            </section>
            """
    }

    /// A realisation table: the name, `extra` columns, then committed and realised figures with their shares.
    static func table(id: String, caption: String, first: String, extra: [String], rows: [HTML], total: EvaluationLine?) -> HTML {
        let extraHeadings = extra.map { heading -> HTML in "<th scope=\"col\">\(heading)</th>" }
        let headings = [
            "Households committed", "Enrolments started", "Households served", "Served %", "Deliveries committed", "Deliveries made",
            "Deliveries %", "Budget", "Delivered (cash)", "Rupiah %", "Graduations committed", "Graduated", "Graduated %",
            "Households graduated",
        ].map { heading -> HTML in "<th scope=\"col\">\(heading)</th>" }
        let footer: HTML = total.map { "<tfoot>\(row(marker: "total", name: "Total", extra: extra.map { _ in "" }, $0))</tfoot>" } ?? .empty
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

    /// `83.3%`, `50%`, or `–` for nothing committed.
    static func percent(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value == value.rounded() ? "\(Int(value))%" : "\(HTML.coordinate(value))%"
    }
}
