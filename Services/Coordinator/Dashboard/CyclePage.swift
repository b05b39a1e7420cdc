import EntasService
import EntasAPI
import EntasDomain

/// The dashboard's page of the programme cycle for a region and period (`/regions/{code}/cycle?period=`):
/// the plan, then the evaluation, with links to the other years that have commitments and to the printable
/// report.
struct CyclePage: Sendable {
    var plan: PlanReport
    var evaluation: EvaluationReport
    var years: [Int]
    var freshness: FreshnessSummary
    var reference: RegionReference

    var region: RegionSummary { plan.region }

    func render() -> HTML {
        let code = region.code
        let base = "/regions/\(code.dotted)/cycle"
        let yearLinks = years.map { year -> HTML in
            year == plan.period.year && plan.period.unit == .year
                ? "<li aria-current=\"page\">\(year)</li>" : "<li><a href=\"\(base)?period=\(year)\">\(year)</a></li>"
        }
        let content: HTML = """
            <p class="level">\(Message("dashboard.cycle.level")) · \(code.dotted) · \(plan.period)</p>
            <h1>\(region.name)</h1>
            <nav class="crumbs" aria-label="\(Message("dashboard.cycle.year"))"><ol>\(yearLinks)</ol></nav>
            <p><a href="\(DashboardLayout.href(code))">\(Message("dashboard.cycle.consensusViews", .text(region.name)))</a> · \
            <a id="report-link" href="\(base)/report?period=\(plan.period)">\(Message("dashboard.cycle.reportLink"))</a></p>
            \(PlanSection(plan: plan).render())
            <h2 id="evaluation-heading">\(Message("dashboard.cycle.evaluation", .text(plan.period.description)))</h2>
            \(EvaluationSections(report: evaluation).render())
            """
        return DashboardLayout.page(title: Message("dashboard.cycle.title", .text(region.name), .text(plan.period.description)).rendered(), crumbs: crumbs, freshness: freshness, signedIn: true, content: content)
    }

    /// Jawa Timur › … › this region's page › Plan and evaluation.
    var crumbs: [DashboardLayout.Crumb] {
        let regions = (region.code.ancestors + [region.code]).map { code in
            DashboardLayout.Crumb(name: reference.region(code)?.name ?? code.dotted, href: DashboardLayout.href(code))
        }
        return regions + [DashboardLayout.Crumb(name: Message("dashboard.cycle.level").rendered(), href: nil)]
    }
}
