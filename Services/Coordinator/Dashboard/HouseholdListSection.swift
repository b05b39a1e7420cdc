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
                <td>\(covered.isEmpty ? "none" : covered)</td><td>\(item.uncovered ? "<span class=\"tag\">no cluster at all</span>" as HTML : "social aid missing")</td></tr>
                """
        }
        let region = region.dotted
        let conflictOffset = conflictOffset
        let pager = Pager(label: "Gap pages", total: page.total, offset: page.offset, limit: page.limit) { offset in
            "/regions/\(region)?gaps=\(offset)&conflicts=\(conflictOffset)#gaps"
        }
        let table: HTML =
            rows.isEmpty
            ? "<p>No gap on this page.</p>"
            : """
            <div class="scroll"><table class="list" id="gap-table">
            <caption>Gap households, by desa</caption>
            <thead><tr><th scope="col">KK (masked)</th><th scope="col">Desa</th><th scope="col">Consensus</th>\
            <th scope="col">Covered by</th><th scope="col">Kind</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            """
        return """
            <section id="gaps" aria-labelledby="gaps-heading">
            <h2 id="gaps-heading">Gaps <span class="muted">(\(DashboardFormat.count(page.total)))</span></h2>
            <p class="muted">Very poor or poor households without social aid, or very poor without any cluster.</p>
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
        let pager = Pager(label: "Conflict pages", total: page.total, offset: page.offset, limit: page.limit) { offset in
            "/regions/\(region)?gaps=\(gapOffset)&conflicts=\(offset)#conflicts"
        }
        let table: HTML =
            rows.isEmpty
            ? "<p>No conflict on this page.</p>"
            : """
            <div class="scroll"><table class="list" id="conflict-table">
            <caption>Each cluster's latest status</caption>
            <thead><tr><th scope="col">KK (masked)</th><th scope="col">Desa</th><th scope="col">Consensus</th>\(headings)</tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            """
        return """
            <section id="conflicts" aria-labelledby="conflicts-heading">
            <h2 id="conflicts-heading">Conflicts <span class="muted">(\(DashboardFormat.count(page.total)))</span></h2>
            <p class="muted">Households whose clusters' latest assessments differ, for verifikasi dan validasi.</p>
            \(table)
            \(pager.render())
            </section>
            """
    }
}

/// `Households 21–40 of 1,234 · Previous · Next`.
struct Pager {
    var label: String
    var total: Int
    var offset: Int
    var limit: Int
    var link: (Int) -> String

    func render() -> HTML {
        guard total > 0 else { return .empty }
        let first = min(offset + 1, total)
        let last = min(offset + limit, total)
        let shown: HTML = offset >= total
            ? "Past the last of \(DashboardFormat.count(total))"
            : "Households \(DashboardFormat.count(first))–\(DashboardFormat.count(last)) of \(DashboardFormat.count(total))"
        let previous: HTML = offset > 0 ? "<a rel=\"prev\" href=\"\(link(max(0, min(offset, total) - limit)))\">← Previous</a>" : .empty
        let next: HTML = offset + limit < total ? "<a rel=\"next\" href=\"\(link(offset + limit))\">Next →</a>" : .empty
        return "<nav class=\"pager\" aria-label=\"\(label)\"><span>\(shown)</span>\(previous)\(next)</nav>"
    }
}
