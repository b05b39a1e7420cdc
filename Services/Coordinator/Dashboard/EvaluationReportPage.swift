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
        if let count = target.smRemaining {
            targets.append(Message("dashboard.report.smTarget", .count(count), .text(target.smRemainingFrom?.dotted ?? "?")).rendered())
        }
        if let share = target.socialAidCoverage {
            targets.append(Message("dashboard.report.coverageTarget", .count(share), .text(target.socialAidCoverageFrom?.dotted ?? "?")).rendered())
        }
        let lastEvent = freshness.lastEventTime.map(DashboardFormat.time) ?? Message("dashboard.freshness.none").rendered()
        return """
            <!DOCTYPE html>
            <html lang="\(Language.current.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
            <title>\(Message("dashboard.cycle.evaluation", .text(report.period.description))) · \(region.name) (\(region.code.dotted)) · Entas</title>
            <style>\(DashboardStyle.css)\(Self.printStyle)</style>
            </head>
            <body>
            <main>
            <header class="report-head">
            <p class="level">\(Message("dashboard.report.level")) · \(region.level.indonesianName) \(region.code.dotted) · \(report.period)</p>
            <h1 id="report-title">\(region.name), \(report.period)</h1>
            <p>\(Message("dashboard.report.intro"))</p>
            <p id="report-targets">\(Message("dashboard.report.targets", .text(String(target.year)), targets.isEmpty ? .message(Message("dashboard.report.noTargets")) : .text(targets.joined(separator: "; "))))</p>
            <p id="report-generated">\(Message("dashboard.report.generated", .time(generatedAt), .text(lastEvent), .count(freshness.eventsApplied)))</p>
            </header>
            \(EvaluationSections(report: report).render())
            \(Self.notes)
            </main>
            </body>
            </html>
            """
    }

    static var notes: HTML {
        """
        <section class="notes" id="notes"><h2>\(Message("dashboard.report.notesHeading"))</h2>
        <p>\(Message("dashboard.report.notesCommitments"))</p>
        <p>\(Message("dashboard.report.notesRealisation"))</p>
        </section>
        """
    }
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
