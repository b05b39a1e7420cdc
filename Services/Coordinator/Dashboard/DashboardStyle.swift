import EntasService
import EntasAPI
import Crypto
import Foundation

/// The dashboard's one style sheet, sent inline in every page, and the Content-Security-Policy that allows
/// exactly it: no scripts, no style attributes, nothing from another origin.
enum DashboardStyle {
    /// Readable from a phone (390 px) to a desktop; series colours are `f-*` (fill) and `k-*` (stroke),
    /// heat buckets `h0`–`h9`.
    static let css: HTML = """
        :root{color-scheme:light;--ink:#1d2430;--muted:#566070;--line:#d9dee5;--bg:#f4f6f8;--card:#fff;--accent:#0b5cad}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);background:var(--bg)}
        a{color:var(--accent)}
        header.top{background:#12355b;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
        header.top a{color:#fff;text-decoration:none;font-weight:700}
        header.top form{margin:0}
        nav.language ul{list-style:none;display:flex;gap:.8rem;margin:0 0 0 auto;padding:0;font-size:.9rem}
        nav.language a{font-weight:400;text-decoration:underline}
        nav.language li[aria-current]{font-weight:700}
        button{font:inherit;padding:.35rem .8rem;border-radius:4px;border:1px solid #8aa4c2;background:#fff;color:#12355b;cursor:pointer}
        main{max-width:1120px;margin:0 auto;padding:1rem}
        nav.crumbs ol{list-style:none;padding:0;margin:0 0 .4rem;display:flex;flex-wrap:wrap;gap:.25rem;font-size:.9rem}
        nav.crumbs li+li::before{content:"\\203A";margin-right:.25rem;color:var(--muted)}
        h1{font-size:1.6rem;margin:.1rem 0}
        h2{font-size:1.15rem;margin:0 0 .6rem}
        .level{color:var(--muted);margin:0;text-transform:uppercase;font-size:.78rem;letter-spacing:.05em}
        p.freshness{color:var(--muted);font-size:.88rem;margin:.3rem 0 1rem}
        section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1rem;margin:0 0 1rem}
        dl.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.6rem;margin:0 0 1rem}
        dl.figures div{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.5rem .8rem}
        dl.figures dt{font-size:.8rem;color:var(--muted)}
        dl.figures dd{margin:0;font-size:1.4rem;font-weight:700;font-variant-numeric:tabular-nums}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums;font-size:.92rem}
        caption{text-align:left;font-weight:600;padding:.3rem 0;color:var(--muted)}
        th,td{padding:.35rem .5rem;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
        th:first-child,td:first-child{text-align:left}
        thead th{font-size:.8rem;color:var(--muted);vertical-align:bottom;white-space:normal}
        table.list th,table.list td{text-align:left}
        tfoot th,tfoot td{font-weight:700;border-top:2px solid var(--ink);border-bottom:0}
        .legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:0 0 .6rem;padding:0;list-style:none;font-size:.85rem}
        .swatch{display:inline-block;width:.9rem;height:.9rem;vertical-align:-.1rem;margin-right:.3rem;border-radius:2px}
        .swatch.dashed{height:.2rem;vertical-align:.2rem}
        .bars{margin:0 0 1rem}
        .bar-row{display:grid;grid-template-columns:minmax(8rem,15rem) 1fr 5.5rem;gap:.6rem;align-items:center;padding:.12rem 0}
        .bar-row svg{width:100%;height:1.1rem;display:block}
        .bar-total{text-align:right;font-variant-numeric:tabular-nums;font-size:.9rem}
        .bar-head{font-size:.8rem;color:var(--muted);white-space:nowrap}
        .chart{margin:0;overflow-x:auto}
        .bar-track{fill:#eef1f4}
        .f-sm{fill:#a50f15;background:#a50f15}
        .f-m{fill:#ef6548;background:#ef6548}
        .f-hm{fill:#fdae6b;background:#fdae6b}
        .f-grad{fill:#238b45;background:#238b45}
        .f-base{fill:#525252;background:#525252}
        .line{fill:none;stroke-width:2.5;stroke-linejoin:round}
        .k-sm{stroke:#a50f15}
        .k-grad{stroke:#238b45;stroke-width:2}
        .k-target{stroke:#238b45;stroke-dasharray:3 3;stroke-width:2}
        .f-served{fill:#2171b5;background:#2171b5}
        .f-open{fill:#c6dbef;background:#c6dbef}
        .k-base{stroke:#525252;stroke-dasharray:6 4;stroke-width:2}
        .axis{stroke:#9aa3ad;stroke-width:1}
        .grid{stroke:#e3e7ec;stroke-width:1}
        svg text{fill:#566070;font-size:13px}
        svg.line-chart{width:100%;max-width:760px;height:auto;display:block}
        td.heat{text-align:center;min-width:5.5rem}
        td.heat .n{display:block;font-size:.75rem;opacity:.85}
        .h0{background:#f7fbff}.h1{background:#deebf7}.h2{background:#c6dbef}.h3{background:#9ecae1}.h4{background:#6baed6}
        .h5{background:#4292c6;color:#fff}.h6{background:#2171b5;color:#fff}.h7{background:#08519c;color:#fff}
        .h8{background:#08306b;color:#fff}.h9{background:#041c3f;color:#fff}
        nav.pager{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin-top:.6rem;font-size:.9rem}
        .muted{color:var(--muted)}
        .tag{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:.8rem;background:#fde0dd;color:#7a0177}
        form.login{display:grid;gap:.6rem;max-width:30rem}
        form.login input{font:inherit;padding:.5rem;border:1px solid #9aa3ad;border-radius:4px;width:100%}
        .error{background:#fde8e8;border:1px solid #e4a3a3;color:#7d1a1a;padding:.6rem .8rem;border-radius:6px}
        details summary{cursor:pointer;color:var(--accent);margin:.5rem 0}
        @media (max-width:640px){
        main{padding:.6rem}
        section{padding:.7rem}
        h1{font-size:1.3rem}
        .bar-row{grid-template-columns:1fr auto;gap:.1rem .5rem;padding:.25rem 0}
        .bar-row .bar-total{grid-column:2;grid-row:1}
        .bar-row svg{grid-column:1 / span 2}
        dl.figures{grid-template-columns:repeat(2,1fr)}
        dl.figures dd{font-size:1.15rem}
        th,td{padding:.3rem .35rem}
        th[scope=row]{white-space:normal;min-width:7rem}
        svg.line-chart{min-width:460px}
        .bar-head{display:none}
        }
        """

    /// The policy every dashboard page is sent with: only this style sheet (by its hash), forms only to
    /// this origin, no framing, no scripts.
    static let contentSecurityPolicy: String = {
        let digest = SHA256.hash(data: Data(css.rendered.utf8))
        let hash = Data(digest).base64EncodedString()
        return "default-src 'none'; style-src 'sha256-\(hash)'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }()
}
