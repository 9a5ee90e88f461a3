/** The page's whole stylesheet: system fonts only, so nothing is fetched. */
export const STYLE = `
:root{--copy:#f7a197;--copy-ink:#5a0b00;--bp:#e6e6e6;--bp-ink:#666;--del:#ffd2cc;--add:#c9f0c9;--line:#d8d8d8}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1200px;padding:16px 24px 64px;font:15px/1.6 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1b1b1b;background:#fff}
h1{font-size:26px;margin:8px 0}
h2{font-size:20px;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:16px;margin:20px 0 6px}
h4{font-size:14px;margin:16px 0 4px}
.top .excerpt{color:#555}
.about{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:8px 0 16px;font-size:13px;color:#444}
.about dt{font-weight:600}
.about dd{margin:0;overflow-wrap:anywhere}
.past{padding-left:24px}
.meta,.legend{color:#555;font-size:13px}
.figures{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0;padding:0}
.figures div{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:150px}
.figures dt{font-size:12px;color:#555}
.figures dd{margin:0;font-size:22px;font-weight:600}
.bars{list-style:none;margin:0;padding:0;max-height:520px;overflow:auto}
.bar-row{display:grid;grid-template-columns:minmax(120px,38%) 1fr 64px;gap:8px;align-items:center;padding:1px 0}
.bar-label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;direction:rtl;text-align:left}
.bar{background:#f4f4f4;height:14px;border-radius:3px;overflow:hidden;display:block}
.fill{display:block;height:100%;background:#d9472b;position:relative}
.fill-bp{display:block;height:100%;background:#b9b9b9;position:absolute;right:0;top:0}
.bar-value{text-align:right;font-variant-numeric:tabular-nums}
#heatmap{overflow:auto;max-width:100%}
#heatmap svg text{font-size:12px;fill:#333}
.hm-self{fill:#cfcfcf}
#heatmap svg text.hm-past{fill:#888;font-style:italic}
#heatmap rect:hover{stroke:#000;stroke-width:1}
.heatmap-canvas canvas{image-rendering:pixelated;border:1px solid var(--line)}
.readout{min-height:1.6em;font-size:13px}
.pager{display:flex;gap:12px;align-items:center;margin:8px 0}
.toolbar{margin:8px 0}
details{border:1px solid var(--line);border-radius:6px;margin:6px 0;padding:4px 12px}
details[open]{padding-bottom:12px}
summary{cursor:pointer;overflow-wrap:anywhere}
.para{margin:6px 0;white-space:pre-wrap;overflow-wrap:anywhere}
.ln{display:inline-block;min-width:3.2em;color:#999;font-size:12px;user-select:none}
mark{border-radius:2px;padding:0 1px;cursor:pointer}
mark.copy{background:var(--copy);color:var(--copy-ink)}
mark.bp{background:var(--bp);color:var(--bp-ink)}
.key mark{cursor:default}
.badge{display:inline-block;font-size:12px;border-radius:10px;padding:0 8px;margin-left:6px;background:#eee}
.badge.copied{background:var(--copy);color:var(--copy-ink)}
.badge.false-match{background:#dfe9ff}
.badge.past{background:#e8e0f5;color:#4b2e83;margin-left:0}
.diff{display:grid;grid-template-columns:1fr 1fr;gap:8px}
.side{border:1px solid var(--line);border-radius:4px;padding:6px 8px;white-space:pre-wrap;overflow-wrap:anywhere}
.side del{background:var(--del);text-decoration:line-through}
.side ins{background:var(--add);text-decoration:none}
.note{white-space:pre-wrap}
mark.splice{background:#ffd400;color:#000;box-shadow:inset 0 -3px #c0001a;font-weight:600}
.badge.splice{background:#c0001a;color:#fff}
.badge.ref{background:#dff0e6;color:#1d5a36;margin-left:0}
.figures div.alert{border-color:#c0001a;background:#fff2f2}
.figures div.alert dd{color:#c0001a}
#splices{border:2px solid #c0001a;border-radius:6px;background:#fff7f7;padding:4px 16px 12px;margin:12px 0}
#splices h2{color:#8a0012;border-bottom-color:#f0c0c0;margin-top:8px}
table.splices,table.slots{border-collapse:collapse;width:100%;font-size:14px}
table.splices th,table.splices td,table.slots th,table.slots td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
table.splices thead th,table.slots thead th{background:#f4f4f4;font-weight:600}
table.splices tr>:first-child,table.splices tr>:last-child{width:1%;white-space:nowrap}
table.splices tr>:nth-child(2){width:22%}
table.slots tbody th{font-weight:400;white-space:nowrap}
.ctx ins,.instead ins{background:var(--add);text-decoration:none;font-weight:600}
.none{color:#999}
.skeleton{background:#f7f7f7;border-radius:4px;padding:6px 10px;overflow-wrap:anywhere}
.slot{display:inline-block;min-width:1.5em;margin:0 2px;padding:0 4px;border-radius:9px;background:#3b5bdb;color:#fff;font-size:12px;font-weight:600;text-align:center;line-height:1.5}
.dist{display:block;font-weight:400;font-size:12px;color:#555}
.templates li{margin:6px 0}
.templates .skeleton{font-size:13px;margin-top:2px}
details.kept{border-style:dashed}
.splice-box{border-left:4px solid #c0001a;padding-left:10px}
`;
