import EntasService
import EntasAPI
import EntasDomain
import Foundation
import Hummingbird

/// The printable evaluation report (`GET /v1/evaluation/report`, `entas evaluate --report FILE`): one
/// self-contained HTML file with its style sheet inline, SVG charts inline and the tables behind them, no
/// script and nothing loaded from elsewhere, laid out for A4 when printed to PDF from a browser.
struct EvaluationReportPage: Sendable {
    var report: EvaluationReport
    var generatedAt: Date
    var freshness: Freshness

    /// What the report's own meta policy allows when the file is opened: its inline style, nothing else.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    static let printStyle: HTML = """
        .report-head{border-bottom:2px solid var(--ink);margin:0 0 1rem;padding:0 0 .5rem}
        .report-head p{margin:.1rem 0;color:var(--muted);font-size:.9rem}
        .notes{font-size:.85rem;color:var(--muted)}
        @page{size:A4;margin:14mm}
        @media print{
        body{background:#fff;font-size:11pt}
        main{max-width:none;padding:0}
        section{border:0;padding:0;margin:0 0 .8rem;break-inside:avoid}
        .scroll{overflow:visible}
        table{font-size:9pt}
        th,td{padding:.15rem .3rem;white-space:normal}
        svg.line-chart{max-width:100%}
        a{color:inherit;text-decoration:none}
        }
        """

    func render() -> HTML {
        let region = report.region
        let target = report.target
        var targets: [String] = []
        if let count = target.smRemaining { targets.append("SM remaining \(DashboardFormat.count(count)) (set for \(target.smRemainingFrom?.dotted ?? "?"))") }
        if let share = target.socialAidCoverage { targets.append("social-aid coverage \(share)% (set for \(target.socialAidCoverageFrom?.dotted ?? "?"))") }
        let lastEvent = freshness.lastEventTime.map(DashboardFormat.time) ?? "none yet"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
            <title>Evaluation \(report.period) · \(region.name) (\(region.code.dotted)) · Entas</title>
            <style>\(DashboardStyle.css)\(Self.printStyle)</style>
            </head>
            <body>
            <main>
            <header class="report-head">
            <p class="level">Evaluation · \(region.level.indonesianName) \(region.code.dotted) · \(report.period)</p>
            <h1 id="report-title">\(region.name), \(report.period)</h1>
            <p>Empat Kluster, Empat Strategi: realisation against the clusters' commitments and the province's targets.</p>
            <p id="report-targets">Targets \(target.year): \(targets.isEmpty ? "none set" : targets.joined(separator: "; "))</p>
            <p id="report-generated">Generated \(DashboardFormat.time(generatedAt)) from the coordinator's views; last event applied \(lastEvent), \
            \(DashboardFormat.count(freshness.eventsApplied)) events.</p>
            </header>
            \(EvaluationSections(report: report).render())
            \(Self.notes)
            </main>
            </body>
            </html>
            """
    }

    static let notes: HTML = """
        <section class="notes" id="notes"><h2>How the figures are counted</h2>
        <p>Commitments: the clusters' commitments as last revised, for the region and the regions inside it, whose period \
        overlaps this one. In one region the households are the largest promise and deliveries and rupiah add up; up the \
        regions, a region counts the larger of its own commitment and the sum of its parts'.</p>
        <p>Realisation: enrolments started in the period; households enrolled at some time in it; deliveries counted towards \
        it; households graduated in it. A percentage sets a figure against its commitment; a group counts its programmes \
        with a commitment. SM: households whose consensus status is Sangat Miskin.</p>
        </section>
        """
}

/// The report as a response: an HTML file to save (`Content-Disposition: attachment`).
struct ReportFile: ResponseGenerator {
    var html: HTML
    var fileName: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = EvaluationReportPage.contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[.cacheControl] = "no-store"
        headers[.contentDisposition] = "attachment; filename=\"\(fileName)\""
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html.rendered)))
    }
}
