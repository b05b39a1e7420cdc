import EntasService
import EntasAPI
import EntasDomain

/// The plan of a region and period as HTML: the SM shortfall as figures, the commitments per cluster and
/// strategy against the SM households, the child regions by shortfall, and every commitment with its
/// revision, each table with the numbers.
struct PlanSection: Sendable {
    var plan: PlanReport

    func render() -> HTML {
        let shortfall = plan.shortfall
        let coverage: HTML =
            plan.socialAidCoverage.map { coverage in
                """
                <p id="plan-coverage">Social aid: the target of \(coverage.targetPercent)% of \(DashboardFormat.count(coverage.households)) \
                SM and M households asks for \(DashboardFormat.count(coverage.required)); \(DashboardFormat.count(coverage.committed)) \
                committed, \(DashboardFormat.count(coverage.coveredNow)) covered now, \(DashboardFormat.count(coverage.short)) short.</p>
                """
            } ?? .empty
        return """
            <section id="plan" aria-labelledby="plan-heading">
            <h2 id="plan-heading">Plan \(plan.period): Sangat Miskin households no commitment covers</h2>
            <dl class="figures" aria-label="Shortfall">\
            <div><dt>SM households now</dt><dd id="plan-need">\(DashboardFormat.count(shortfall.need))</dd></div>\
            <div><dt>Covered by commitments</dt><dd id="plan-covered">\(DashboardFormat.count(shortfall.covered))</dd></div>\
            <div><dt>Short</dt><dd id="plan-short">\(DashboardFormat.count(shortfall.short))</dd></div>\
            <div><dt>SM or M without social aid</dt><dd id="plan-gaps">\(DashboardFormat.count(plan.need.gaps))</dd></div></dl>
            \(coverage)
            \(lines("plan-cluster-table", "Per cluster", "Cluster", plan.clusters) { $0.cluster?.indonesianName ?? "" })
            \(lines("plan-strategy-table", "Per strategy", "Strategy", plan.strategies) { $0.strategy?.indonesianName ?? "" })
            \(regions)
            \(commitments)
            </section>
            """
    }

    private func lines(_ id: String, _ caption: String, _ heading: String, _ lines: [PlanLine], name: (PlanLine) -> String) -> HTML {
        guard !lines.isEmpty else { return "<p class=\"muted\">No commitment for \(plan.period) in this region yet.</p>" }
        let rows = lines.map { line -> HTML in
            """
            <tr><th scope="row">\(name(line))</th><td>\(DashboardFormat.count(line.committed.households))</td>\
            <td>\(DashboardFormat.count(line.committed.deliveries))</td><td>\(DashboardFormat.rupiah(line.committed.budgetRupiah))</td>\
            <td>\(DashboardFormat.count(line.coveredSangatMiskin))</td><td>\(DashboardFormat.count(line.shortSangatMiskin))</td></tr>
            """
        }
        return """
            <div class="scroll"><table id="\(id)"><caption>\(caption)</caption>
            <thead><tr><th scope="col">\(heading)</th><th scope="col">Households committed</th><th scope="col">Deliveries</th>\
            <th scope="col">Budget</th><th scope="col">SM covered</th><th scope="col">SM short</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }

    private var regions: HTML {
        guard !plan.regions.isEmpty else { return .empty }
        let rows = plan.regions.map { region -> HTML in
            """
            <tr data-region="\(region.code.dotted)"><th scope="row"><a href="/regions/\(region.code.dotted)/cycle?period=\(plan.period)">\
            \(region.code.dotted) \(region.name)</a></th><td>\(DashboardFormat.count(region.sangatMiskin))</td>\
            <td>\(DashboardFormat.count(region.covered))</td><td>\(DashboardFormat.count(region.short))</td></tr>
            """
        }
        return """
            <div class="scroll"><table id="plan-region-table"><caption>Regions, largest shortfall first</caption>
            <thead><tr><th scope="col">Region</th><th scope="col">SM households</th><th scope="col">Covered</th>\
            <th scope="col">Short</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }

    private var commitments: HTML {
        guard !plan.commitments.isEmpty else { return .empty }
        let rows = plan.commitments.map { commitment -> HTML in
            """
            <tr><th scope="row">\(commitment.regionCode.dotted) \(commitment.regionName)</th><td>\(commitment.cluster.indonesianName)</td>\
            <td>\(commitment.programme)</td><td>\(commitment.period)</td><td>\(DashboardFormat.count(commitment.households))</td>\
            <td>\(DashboardFormat.count(commitment.deliveries))</td><td>\(DashboardFormat.rupiah(commitment.budgetRupiah))</td>\
            <td>\(commitment.graduations.map { DashboardFormat.count($0) } ?? "–")</td><td>\(commitment.madeOn)</td><td>\(commitment.revision)</td></tr>
            """
        }
        return """
            <details><summary>The \(plan.commitments.count) commitments as they stand</summary>
            <div class="scroll"><table id="commitment-table"><caption>Commitments (komitmen) with their revision number</caption>
            <thead><tr><th scope="col">Region</th><th scope="col">Cluster</th><th scope="col">Programme</th><th scope="col">Period</th>\
            <th scope="col">Households</th><th scope="col">Deliveries</th><th scope="col">Budget</th><th scope="col">To graduate</th><th scope="col">Made on</th>\
            <th scope="col">Revision</th></tr></thead>
            <tbody>\(rows)</tbody></table></div></details>
            """
    }
}
