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
                <p id="plan-coverage">\(Message("dashboard.plan.socialAidCoverage", .count(coverage.targetPercent), .count(coverage.households), .count(coverage.required), .count(coverage.committed), .count(coverage.coveredNow), .count(coverage.short)))</p>
                """
            } ?? .empty
        return """
            <section id="plan" aria-labelledby="plan-heading">
            <h2 id="plan-heading">\(Message("dashboard.plan.heading", .text(plan.period.description)))</h2>
            <dl class="figures" aria-label="\(Message("dashboard.plan.shortfall"))">\
            <div><dt>\(Message("dashboard.plan.need"))</dt><dd id="plan-need">\(DashboardFormat.count(shortfall.need))</dd></div>\
            <div><dt>\(Message("dashboard.plan.covered"))</dt><dd id="plan-covered">\(DashboardFormat.count(shortfall.covered))</dd></div>\
            <div><dt>\(Message("dashboard.plan.short"))</dt><dd id="plan-short">\(DashboardFormat.count(shortfall.short))</dd></div>\
            <div><dt>\(Message("dashboard.plan.gaps"))</dt><dd id="plan-gaps">\(DashboardFormat.count(plan.need.gaps))</dd></div></dl>
            \(coverage)
            \(lines("plan-cluster-table", Message("dashboard.plan.perCluster"), Message("dashboard.strategies.cluster"), plan.clusters) { $0.cluster?.indonesianName ?? "" })
            \(lines("plan-strategy-table", Message("dashboard.plan.perStrategy"), Message("dashboard.strategies.strategy"), plan.strategies) { $0.strategy?.indonesianName ?? "" })
            \(regions)
            \(commitments)
            </section>
            """
    }

    private func lines(_ id: String, _ caption: Message, _ heading: Message, _ lines: [PlanLine], name: (PlanLine) -> String) -> HTML {
        guard !lines.isEmpty else { return "<p class=\"muted\">\(Message("dashboard.plan.noCommitment", .text(plan.period.description)))</p>" }
        let rows = lines.map { line -> HTML in
            """
            <tr><th scope="row">\(name(line))</th><td>\(DashboardFormat.count(line.committed.households))</td>\
            <td>\(DashboardFormat.count(line.committed.deliveries))</td><td>\(DashboardFormat.rupiah(line.committed.budgetRupiah))</td>\
            <td>\(DashboardFormat.count(line.coveredSangatMiskin))</td><td>\(DashboardFormat.count(line.shortSangatMiskin))</td></tr>
            """
        }
        return """
            <div class="scroll"><table id="\(id)"><caption>\(caption)</caption>
            <thead><tr><th scope="col">\(heading)</th><th scope="col">\(Message("dashboard.plan.householdsCommitted"))</th><th scope="col">\(Message("dashboard.strategies.deliveries"))</th>\
            <th scope="col">\(Message("dashboard.plan.budget"))</th><th scope="col">\(Message("dashboard.plan.smCovered"))</th><th scope="col">\(Message("dashboard.plan.smShort"))</th></tr></thead>
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
            <div class="scroll"><table id="plan-region-table"><caption>\(Message("dashboard.plan.regionsCaption"))</caption>
            <thead><tr><th scope="col">\(Message("dashboard.layout.region"))</th><th scope="col">\(Message("dashboard.plan.smHouseholds"))</th><th scope="col">\(Message("dashboard.plan.coveredShort"))</th>\
            <th scope="col">\(Message("dashboard.plan.short"))</th></tr></thead>
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
            <td>\(commitment.graduations.map { DashboardFormat.count($0) } ?? "–")</td><td>\(DashboardFormat.day(commitment.madeOn))</td><td>\(commitment.revision)</td></tr>
            """
        }
        return """
            <details><summary>\(Message("dashboard.plan.commitmentsSummary", .count(plan.commitments.count)))</summary>
            <div class="scroll"><table id="commitment-table"><caption>\(Message("dashboard.plan.commitmentsCaption"))</caption>
            <thead><tr><th scope="col">\(Message("dashboard.layout.region"))</th><th scope="col">\(Message("dashboard.strategies.cluster"))</th><th scope="col">\(Message("dashboard.plan.programme"))</th><th scope="col">\(Message("dashboard.plan.period"))</th>\
            <th scope="col">\(Message("dashboard.common.households"))</th><th scope="col">\(Message("dashboard.strategies.deliveries"))</th><th scope="col">\(Message("dashboard.plan.budget"))</th><th scope="col">\(Message("dashboard.plan.toGraduate"))</th><th scope="col">\(Message("dashboard.plan.madeOn"))</th>\
            <th scope="col">\(Message("dashboard.plan.revision"))</th></tr></thead>
            <tbody>\(rows)</tbody></table></div></details>
            """
    }
}
