import EntasService
import EntasAPI
import EntasDomain

/// The paged lists of a region page: gap households and households in conflict, by masked KK (the
/// coordinator holds no raw KK). Each page link keeps the other list's position.
struct GapListSection: Sendable {
    var region: RegionCode
    var page: HouseholdPage<GapItem>
    var conflictOffset: Int

    func render() -> HTML {
        let rows = page.items.map { item -> HTML in
            let covered = item.coveredBy.map(\.shortName).joined(separator: ", ")
            return """
                <tr><td>\(item.maskedKK)</td><td>\(item.desaName)</td><td>\(DashboardFormat.status(item.consensusStatus))</td>\
                <td>\(covered.isEmpty ? Message("dashboard.gaps.coveredByNone").rendered() : covered)</td><td>\(item.uncovered ? "<span class=\"tag\">\(Message("dashboard.gaps.noCluster"))</span>" as HTML : "\(Message("dashboard.gaps.socialAidMissing"))")</td></tr>
                """
        }
        let region = region.dotted
        let conflictOffset = conflictOffset
        let pager = Pager(label: Message("dashboard.gaps.pages"), total: page.total, offset: page.offset, limit: page.limit) { offset in
            "/regions/\(region)?gaps=\(offset)&conflicts=\(conflictOffset)#gaps"
        }
        let table: HTML =
            rows.isEmpty
            ? "<p>\(Message("dashboard.gaps.emptyPage"))</p>"
            : """
            <div class="scroll"><table class="list" id="gap-table">
            <caption>\(Message("dashboard.gaps.caption"))</caption>
            <thead><tr><th scope="col">\(Message("dashboard.list.maskedKK"))</th><th scope="col">\(Message("dashboard.list.desa"))</th><th scope="col">\(Message("dashboard.list.consensus"))</th>\
            <th scope="col">\(Message("dashboard.gaps.coveredBy"))</th><th scope="col">\(Message("dashboard.gaps.kind"))</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            """
        return """
            <section id="gaps" aria-labelledby="gaps-heading">
            <h2 id="gaps-heading">\(Message("dashboard.gaps.heading")) <span class="muted">(\(DashboardFormat.count(page.total)))</span></h2>
            <p class="muted">\(Message("dashboard.gaps.explain"))</p>
            \(table)
            \(pager.render())
            </section>
            """
    }
}

struct ConflictListSection: Sendable {
    var region: RegionCode
    var page: HouseholdPage<ConflictItem>
    var gapOffset: Int

    func render() -> HTML {
        let headings = Cluster.allCases.map { cluster -> HTML in
            "<th scope=\"col\"><abbr title=\"\(cluster.indonesianName)\">\(cluster.shortName)</abbr></th>"
        }
        let rows = page.items.map { item -> HTML in
            let statuses = Cluster.allCases.map { cluster -> HTML in
                let status = item.assessments.first { $0.cluster == cluster }?.status
                return "<td>\(status.map(\.abbreviation) ?? "–")</td>"
            }
            return """
                <tr><td>\(item.maskedKK)</td><td>\(item.desaName)</td><td>\(DashboardFormat.status(item.consensusStatus))</td>\(statuses)</tr>
                """
        }
        let region = region.dotted
        let gapOffset = gapOffset
        let pager = Pager(label: Message("dashboard.conflicts.pages"), total: page.total, offset: page.offset, limit: page.limit) { offset in
            "/regions/\(region)?gaps=\(gapOffset)&conflicts=\(offset)#conflicts"
        }
        let table: HTML =
            rows.isEmpty
            ? "<p>\(Message("dashboard.conflicts.emptyPage"))</p>"
            : """
            <div class="scroll"><table class="list" id="conflict-table">
            <caption>\(Message("dashboard.conflicts.caption"))</caption>
            <thead><tr><th scope="col">\(Message("dashboard.list.maskedKK"))</th><th scope="col">\(Message("dashboard.list.desa"))</th><th scope="col">\(Message("dashboard.list.consensus"))</th>\(headings)</tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            """
        return """
            <section id="conflicts" aria-labelledby="conflicts-heading">
            <h2 id="conflicts-heading">\(Message("dashboard.conflicts.heading")) <span class="muted">(\(DashboardFormat.count(page.total)))</span></h2>
            <p class="muted">\(Message("dashboard.conflicts.explain"))</p>
            \(table)
            \(pager.render())
            </section>
            """
    }
}

/// `Rumah tangga 21–40 dari 1.234 · Sebelumnya · Berikutnya`.
struct Pager {
    var label: Message
    var total: Int
    var offset: Int
    var limit: Int
    var link: (Int) -> String

    func render() -> HTML {
        guard total > 0 else { return .empty }
        let first = min(offset + 1, total)
        let last = min(offset + limit, total)
        let shown: HTML = offset >= total
            ? "\(Message("dashboard.pager.past", .count(total)))"
            : "\(Message("dashboard.pager.shown", .count(first), .count(last), .count(total)))"
        let previous: HTML = offset > 0 ? "<a rel=\"prev\" href=\"\(link(max(0, min(offset, total) - limit)))\">\(Message("dashboard.pager.previous"))</a>" : .empty
        let next: HTML = offset + limit < total ? "<a rel=\"next\" href=\"\(link(offset + limit))\">\(Message("dashboard.pager.next"))</a>" : .empty
        return "<nav class=\"pager\" aria-label=\"\(label)\"><span>\(shown)</span>\(previous)\(next)</nav>"
    }
}
