import EntasAPI
import EntasDomain
import EntasService

/// The open verification cases of a region page (verifikasi dan validasi), by masked KK: what opened each, since
/// when, its age and team, and each cluster's status. The names are at the cluster services' worklists.
struct CaseListSection: Sendable {
    var region: RegionCode
    var page: HouseholdPage<CaseItem>
    var gapOffset: Int
    var conflictOffset: Int

    /// What opened a case, as the list says it.
    static func opener(_ kind: CaseKind?) -> String {
        switch kind {
        case .requested: Message("dashboard.cases.requested").rendered()
        case .sharedPerson: Message("dashboard.cases.sharedPerson").rendered()
        case .conflict, nil: Message("dashboard.cases.conflict").rendered()
        }
    }

    func render() -> HTML {
        let headings = Cluster.allCases.map { cluster -> HTML in
            "<th scope=\"col\"><abbr title=\"\(cluster.indonesianName)\">\(cluster.shortName)</abbr></th>"
        }
        let rows = page.items.map { item -> HTML in
            let statuses = Cluster.allCases.map { cluster -> HTML in
                "<td>\(item.assessments.first { $0.cluster == cluster }?.status.abbreviation ?? "–")</td>"
            }
            let summary = item.verification
            let opened: HTML =
                summary.openedOn.map { "<time datetime=\"\($0)\">\(DashboardFormat.day($0))</time>" as HTML } ?? "–"
            return """
                <tr data-case="\(summary.caseID ?? "")"><td>\(item.maskedKK)</td><td>\(item.desaName)</td>\
                <td>\(Self.opener(summary.kind))</td><td>\(opened)</td>\
                <td>\(DashboardFormat.count(summary.ageDays ?? 0))</td><td>\(summary.team ?? Message("dashboard.cases.notAssigned").rendered())</td>\
                <td>\(DashboardFormat.status(item.consensusStatus))</td>\(statuses)</tr>
                """
        }
        let region = region.dotted
        let (gapOffset, conflictOffset) = (gapOffset, conflictOffset)
        let pager = Pager(label: Message("dashboard.cases.pages"), total: page.total, offset: page.offset, limit: page.limit) { offset in
            "/regions/\(region)?gaps=\(gapOffset)&conflicts=\(conflictOffset)&cases=\(offset)#cases"
        }
        let table: HTML =
            rows.isEmpty
            ? "<p>\(Message("dashboard.cases.emptyPage"))</p>"
            : """
            <div class="scroll"><table class="list" id="case-table">
            <caption>\(Message("dashboard.cases.caption"))</caption>
            <thead><tr><th scope="col">\(Message("dashboard.list.maskedKK"))</th><th scope="col">\(Message("dashboard.list.desa"))</th><th scope="col">\(Message("dashboard.cases.openedBecause"))</th>\
            <th scope="col">\(Message("dashboard.cases.opened"))</th><th scope="col">\(Message("dashboard.cases.daysOpen"))</th><th scope="col">\(Message("dashboard.cases.team"))</th><th scope="col">\(Message("dashboard.list.consensus"))</th>\(headings)</tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            """
        return """
            <section id="cases" aria-labelledby="cases-heading">
            <h2 id="cases-heading">\(Message("dashboard.figures.casesOpen")) <span class="muted">(\(DashboardFormat.count(page.total)))</span></h2>
            <p class="muted">\(Message("dashboard.cases.explain"))</p>
            \(table)
            \(pager.render())
            </section>
            """
    }
}
