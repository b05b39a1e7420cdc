import EntasService
import EntasAPI
import EntasDomain

/// The page of one region: the province at `/`, a kabupaten/kota, kecamatan or desa at `/regions/{code}`.
/// Key figures, households by consensus status per child region, coverage per cluster, progress; below the
/// province also the gap, conflict and open-case lists and the strategy breakdown.
struct RegionPage: Sendable {
    var data: RegionPageData
    var reference: RegionReference

    var region: RegionSummary { data.overview.region }

    func render() -> HTML {
        let code = region.code
        let content: HTML = """
            <p class="level">\(levelName(code)) · \(code.dotted)</p>
            <h1>\(region.name)</h1>
            <p><a id="cycle-link" href="/regions/\(code.dotted)/cycle">\(Message("dashboard.region.cycleLink"))</a></p>
            \(figures)
            \(StatusSection(overview: data.overview).render())
            \(CoverageSection(overview: data.overview).render())
            \(ProgressSection(report: data.progress, baselineSangatMiskin: region.totals.baselineSangatMiskin).render())
            \(data.gaps.map { GapListSection(region: code, page: $0, conflictOffset: data.conflicts?.offset ?? 0).render() } ?? .empty)
            \(data.conflicts.map { ConflictListSection(region: code, page: $0, gapOffset: data.gaps?.offset ?? 0).render() } ?? .empty)
            \(data.cases.map { CaseListSection(region: code, page: $0, gapOffset: data.gaps?.offset ?? 0, conflictOffset: data.conflicts?.offset ?? 0).render() } ?? .empty)
            \(data.strategies.map { StrategySection(report: $0).render() } ?? .empty)
            """
        return DashboardLayout.page(
            title: region.name, crumbs: crumbs, freshness: data.freshness, signedIn: true, content: content)
    }

    /// Jawa Timur › Kabupaten Jember › Sumberjambe: every level above linked, this one not.
    var crumbs: [DashboardLayout.Crumb] {
        let above = region.code.ancestors.map { code in
            DashboardLayout.Crumb(name: reference.region(code)?.name ?? code.dotted, href: DashboardLayout.href(code))
        }
        return above + [DashboardLayout.Crumb(name: region.name, href: nil)]
    }

    private func levelName(_ code: RegionCode) -> String {
        reference.region(code)?.kind.title ?? code.level.indonesianName
    }

    /// The region's totals as a row of figures.
    private var figures: HTML {
        let totals = region.totals
        let items: [(Message, Int, String)] = [
            (Message("dashboard.common.households"), totals.households, "households"),
            (Message("dashboard.figures.people"), totals.people, "people"),
            (Message("dashboard.figures.sm"), totals.sangatMiskin, "sm"),
            (Message("dashboard.figures.m"), totals.miskin, "m"),
            (Message("dashboard.figures.hm"), totals.hampirMiskin, "hm"),
            (Message("dashboard.common.graduated"), totals.graduated, "graduated"),
            (Message("dashboard.progress.smBaseline"), totals.baselineSangatMiskin, "baseline-sm"),
            (Message("dashboard.common.gaps"), totals.gaps, "gaps"),
            (Message("dashboard.common.conflicts"), totals.conflicts, "conflicts"),
            (Message("dashboard.figures.covered"), totals.coveredAny, "covered"),
            (Message("dashboard.figures.casesOpen"), totals.casesOpen, "cases-open"),
            (Message("dashboard.figures.casesAssigned"), totals.casesAssigned, "cases-assigned"),
            (Message("dashboard.figures.casesVerified"), totals.casesVerified, "cases-verified"),
        ]
        var cells = items.map { name, value, id -> HTML in
            "<div><dt>\(name)</dt><dd id=\"figure-\(id)\">\(DashboardFormat.count(value))</dd></div>"
        }
        let age = totals.meanOpenCaseAge(on: .today()).map { Message("dashboard.figures.days", .count($0)).rendered() } ?? "–"
        cells.append("<div><dt>\(Message("dashboard.figures.caseAge"))</dt><dd id=\"figure-case-age\">\(age)</dd></div>")
        return "<dl class=\"figures\" aria-label=\"\(Message("dashboard.figures.label"))\">\(cells)</dl>"
    }
}

extension RegionLevel {
    /// The heading of a column of regions at this level: `Kabupaten/kota`, `Kecamatan`, `Desa/kelurahan`.
    var columnHeading: String {
        switch self {
        case .province: Message("dashboard.level.province").rendered()
        case .kabupaten: Message("dashboard.level.kabupaten").rendered()
        case .kecamatan: Message("dashboard.level.kecamatan").rendered()
        case .desa: Message("dashboard.level.desa").rendered()
        }
    }
}
