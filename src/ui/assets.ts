// The one stylesheet, served by the app itself (no assets from outside the server), so the
// Content-Security-Policy can forbid inline styles and every other origin.
export const appCss = `
*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:Arial,Helvetica,sans-serif;color:#212b32;background:#f0f4f5;font-size:16px;line-height:1.5}
a{color:#005eb8}a:visited{color:#330072}a:hover{color:#7c2855}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#ffeb3b;color:#212b32;padding:8px;z-index:10}
header.site{background:#005eb8;color:#fff}header.site .bar{max-width:1280px;margin:0 auto;padding:10px 16px;display:flex;flex-wrap:wrap;gap:8px 24px;align-items:center}
header.site a{color:#fff;text-decoration:none}header.site .brand{font-weight:bold;font-size:1.15rem;margin-right:auto}
header.site nav{display:flex;flex-wrap:wrap;gap:4px 20px}header.site nav a{padding:4px 0;border-bottom:3px solid transparent}header.site nav a[aria-current=page]{border-bottom-color:#fff}
header.site form{display:inline;margin:0}header.site button.link{background:none;border:0;color:#fff;text-decoration:underline;cursor:pointer;font-size:1rem;padding:0;box-shadow:none;margin:0}
main{max-width:1280px;margin:0 auto;padding:24px 16px}main.narrow{max-width:720px}
h1{font-size:1.75rem;margin:0 0 16px}h2{font-size:1.3rem;margin:24px 0 8px}h3{font-size:1.1rem;margin:16px 0 8px}
.card{background:#fff;padding:20px;margin:0 0 16px;border-radius:4px}
.lede{font-size:1.15rem}
label{display:block;font-weight:bold;margin:16px 0 4px}.hint{color:#4c6272;font-weight:normal;display:block;font-size:.95rem}
input[type=text],input[type=email],input[type=password],input[type=tel],input[type=month],input[type=date],input[type=datetime-local],input[type=number],input[type=search],input[type=file],textarea,select{display:block;width:100%;max-width:32rem;padding:8px;border:2px solid #4c6272;border-radius:0;font-size:1rem;background:#fff;color:#212b32}
textarea{max-width:40rem}
input:focus,textarea:focus,select:focus,button:focus,a:focus,summary:focus{outline:3px solid #ffeb3b;outline-offset:0;box-shadow:0 0 0 4px #212b32}
fieldset{border:0;padding:0;margin:16px 0 0}legend{font-weight:bold}.choice{display:flex;gap:8px;align-items:center;margin:4px 0}
.choice label{margin:0;font-weight:normal}
button,.button{display:inline-block;background:#007f3b;color:#fff;border:0;padding:10px 18px;font-size:1rem;margin:16px 8px 0 0;cursor:pointer;box-shadow:0 4px 0 #00401e;text-decoration:none;font-family:inherit}
button.secondary,.button.secondary{background:#4c6272;box-shadow:0 4px 0 #263139}
button.warning{background:#d5281b;box-shadow:0 4px 0 #6b140e}
button.hold{background:#fff;color:#005eb8;box-shadow:0 0 0 2px #005eb8 inset}
.error{border-left:6px solid #d5281b;padding-left:12px}.error p{color:#d5281b;font-weight:bold}
.error-message{display:block;color:#d5281b;font-weight:bold;margin:0 0 4px}
.notice{border-left:6px solid #005eb8}
.tag{display:inline-block;padding:2px 8px;font-size:.85rem;font-weight:bold;border-radius:2px;background:#e8edee;color:#212b32}
.tag.candidate{background:#fff9c4;color:#5d4b00}.tag.recruiter,.tag.coordinator{background:#d7e8f8;color:#003d78}.tag.third_party{background:#e8e1f0;color:#330072}
.tag.overdue{background:#fde4e2;color:#8a1a10}.tag.done{background:#d7efe1;color:#00401e}
ol.steps{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:6px}
ol.steps li{padding:6px 10px;border-radius:2px;background:#e8edee;font-size:.95rem}
ol.steps li.done{background:#d7efe1}ol.steps li.current{background:#005eb8;color:#fff;font-weight:bold}
ol.steps li .sr{position:absolute;left:-9999px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:8px;border-bottom:1px solid #d8dde0;vertical-align:top}
th{font-weight:bold}caption{text-align:left;font-weight:bold;padding:8px 0}
.table-wrap{overflow-x:auto}
dl.summary{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:4px 16px;margin:0}dl.summary dt{font-weight:bold}dl.summary dd{margin:0}
.muted{color:#4c6272}
@media (max-width:600px){h1{font-size:1.4rem}main{padding:16px 12px}}
.error-summary{border:4px solid #d5281b;background:#fff;padding:16px 20px;margin:0 0 16px}.error-summary h2{margin-top:0}.error-summary a{color:#d5281b;font-weight:bold}
.field-error{border-left:4px solid #d5281b;padding-left:12px}.field-error input,.field-error select,.field-error textarea{border-color:#d5281b}
fieldset.group{border:1px solid #d8dde0;padding:12px 16px;margin:16px 0;min-width:0}fieldset.group legend{padding:0 4px}
.sr{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
.choice input[type=radio],.choice input[type=checkbox]{width:24px;height:24px;flex:none}
ul.coverage li.gap{color:#8a1a10;font-weight:bold}
main{overflow-wrap:anywhere}
`;
export const staffCss = `
main.wide{max-width:none}
.filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-end;background:#fff;padding:12px 16px;margin:0 0 16px}
.filters label{margin:0 0 4px}.filters input,.filters select{width:auto;min-width:10rem;display:inline-block}.filters input[type=checkbox]{min-width:0}.filters .choice{align-self:center}.filters button{margin:0}
.tabs{display:flex;gap:4px;margin:0 0 12px;flex-wrap:wrap}.tabs a{padding:8px 14px;background:#e8edee;text-decoration:none;color:#212b32}
.tabs a[aria-current=page]{background:#005eb8;color:#fff}
.board{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(15rem,1fr);gap:10px;overflow-x:auto;padding-bottom:8px}
.column{background:#e8edee;padding:8px;min-height:8rem}.column h2{font-size:1rem;margin:0 0 8px;display:flex;justify-content:space-between;gap:8px}
.column ol{list-style:none;margin:0;padding:0}.cardlet{background:#fff;padding:8px;margin:0 0 6px;border-left:4px solid #005eb8}
.cardlet.overdue{border-left-color:#d5281b}.cardlet a{font-weight:bold}.cardlet p{margin:2px 0;font-size:.9rem}
.cols{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:16px}@media (max-width:900px){.cols{grid-template-columns:minmax(0,1fr)}}
.events form{display:inline-block;vertical-align:top;margin:0 8px 8px 0}
details.event{background:#f7f9fa;padding:8px 12px;margin:0 0 8px;border:1px solid #d8dde0}details.event summary{cursor:pointer;font-weight:bold}
ol.timeline{list-style:none;padding:0;margin:0}ol.timeline li{border-left:3px solid #aeb7bd;padding:4px 0 8px 12px}
svg.journey{width:100%;height:auto;background:#fff}
pre.mail{white-space:pre-wrap;font-family:inherit}
/* the candidate record's panels */
.concern{border-left:6px solid #d5281b;background:#fdf0ef;padding:8px 12px;margin:8px 0}.concern p{margin:4px 0}.concern-text{color:#8a1a10}
dl.facts{display:flex;flex-wrap:wrap;gap:8px 24px;margin:0 0 8px}dl.facts dt{font-size:.85rem;color:#4c6272}dl.facts dd{margin:0;font-weight:bold}
section.check{border-top:4px solid #005eb8}section.check.overdue{border-top-color:#d5281b}section.check h3{margin-top:0}
.checks>h2{margin:8px 0}.actions h4{margin:12px 0 6px}
fieldset.group .group-fields,fieldset.row .row-fields{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:0 16px}
fieldset.row{background:#fff;border:1px solid #d8dde0;padding:4px 12px 8px;margin:8px 0}fieldset.row legend{padding:0 4px}
fieldset.row label,fieldset.group label{margin:8px 0 2px}fieldset.row .choice{margin-top:28px}
.blocked{margin:8px 0}.blocked button[disabled]{background:#aeb7bd;box-shadow:none;cursor:not-allowed;color:#212b32}
svg.coverage{width:100%;max-width:800px;height:auto;background:#fff}
table .sub{display:block;color:#4c6272;font-size:.85rem;font-weight:normal}tr.concern-row{background:#fdf0ef}
.cv-review .line{display:block}.cv-review td:last-child{min-width:13rem}.cv-review form{display:block}
table.sortable th a{color:inherit}
form.inline{display:inline-block;margin:0 8px 4px 0;vertical-align:top}form.inline select{display:inline-block;width:auto;margin-right:4px}.row-actions{display:flex;flex-wrap:wrap;gap:4px}
code.secret{background:#fff9c4;padding:2px 6px;font-size:1.05rem}
/* cohorts */
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
table.milestones{font-size:.9rem}table.milestones th[scope=row]{font-weight:normal}table.milestones th[scope=row] a{font-weight:bold}
table.milestones .sub{display:block;color:#4c6272;font-size:.85rem}table.milestones td:first-child input{width:1.3rem;height:1.3rem}
table.milestones tr.soon{background:#fffbe6}table.milestones tr.overdue{background:#fdf0ef}
ol.attempts,ul.warnings{list-style:none;margin:0;padding:0}ol.attempts li{margin:0 0 4px}ul.warnings li{margin:0 0 4px;min-width:14rem}
table.milestones time{white-space:nowrap}table.milestones th[scope=row]{min-width:9rem}
.tag.soon{background:#ffeb3b;color:#212b32}
.bulk-actions{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:12px;margin:8px 0 16px}
fieldset.bulk-action{background:#fff;padding:12px 16px;margin:0;border-top:4px solid #005eb8}fieldset.bulk-action legend{float:left;width:100%;font-size:1.05rem;margin:0 0 4px}
fieldset.bulk-action .hint{clear:both;margin:0}fieldset.bulk-action label{margin:8px 0 2px}
.inline-search{display:flex;flex-wrap:wrap;gap:4px 12px;align-items:flex-end}.inline-search label,.inline-search .hint{margin:0;flex-basis:100%}.inline-search input{flex:1 1 16rem}.inline-search button{margin:0}
.result ul{margin:4px 0 8px}input.feed-url{max-width:none;font-family:monospace;font-size:.9rem}
button.default-none{display:none}
/* Reports: key figures, chart + table side by side, dense numeric tables, SVG charts. */
dl.figures{display:flex;flex-wrap:wrap;gap:12px;margin:0 0 8px}dl.figures .figure{background:#fff;padding:10px 16px;border-left:6px solid #007f3b;min-width:16rem}
dl.figures .figure.warn{border-left-color:#d5281b}dl.figures dt{font-weight:bold;font-size:.95rem}dl.figures dd{margin:0;color:#4c6272}dl.figures .big{font-size:1.6rem;font-weight:bold;color:#212b32}
.report-grid{display:grid;grid-template-columns:minmax(0,720px) minmax(0,1fr);gap:16px;align-items:start;margin:0 0 16px}
.report-grid.bars{grid-template-columns:minmax(0,480px) minmax(0,1fr)}
@media (max-width:1100px){.report-grid,.report-grid.bars{grid-template-columns:minmax(0,1fr)}}.report-narrow{max-width:60rem}
table.report{font-size:.9rem}table.report th,table.report td{padding:4px 8px}table.report .num{text-align:right;font-variant-numeric:tabular-nums}
table.report tr.total th,table.report tr.total td{font-weight:bold;background:#f7f9fa}table.report tr:not(.total)+tr.total>*{border-top:2px solid #aeb7bd}table.report tbody th{font-weight:normal}
table.report td.num,table.report th.nowrap{white-space:nowrap}
p.download{margin:6px 0 0;font-size:.95rem}
svg.chart{width:100%;height:auto;max-width:720px;background:#fff;display:block}
svg.chart text{font-family:Arial,Helvetica,sans-serif;font-size:11px;fill:#212b32}svg.chart .axis-title{font-size:12px;font-weight:bold}
svg.chart .grid{stroke:#e8edee;stroke-width:1}svg.chart .axis{stroke:#4c6272;stroke-width:1}
svg.chart .s0{fill:#005eb8}svg.chart .s1{fill:#007f3b}svg.chart .s2{fill:#7c2855}
svg.chart .target line{stroke:#d5281b;stroke-width:2}svg.chart .target text{fill:#8a1a10;font-weight:bold}
`;
