/**
 * The HTML report's stylesheet and script, inlined into the page (it must open offline,
 * from a CI artifact, with nothing to fetch). The script only filters the list and opens
 * the `<details>` an evidence link points into; the page reads fine without it.
 */

export const STYLE = `
:root{--bg:#f6f7f9;--card:#fff;--ink:#1c2330;--muted:#5d6778;--line:#dfe3ea;--soft:#eef1f5;
--pass:#1a7f37;--pass-bg:#e6f4ea;--fail:#c62828;--fail-bg:#fdecec;--warn:#9a6700;--warn-bg:#fff4d6;
--xfail:#6e5a00;--skip:#6b7280;--skip-bg:#eef0f3;--accent:#2f5bd3;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
@media (prefers-color-scheme:dark){:root{--bg:#0f1318;--card:#171c23;--ink:#e6e9ee;--muted:#9aa4b2;--line:#2a313b;--soft:#1f252d;
--pass:#4ac26b;--pass-bg:#12261a;--fail:#ff6b6b;--fail-bg:#2d1515;--warn:#e3b341;--warn-bg:#2b2410;--xfail:#d6b84a;--skip:#9aa4b2;--skip-bg:#22272e;--accent:#7aa2ff}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header.top{background:var(--card);border-bottom:1px solid var(--line);padding:18px 28px 14px}
header.top h1{margin:0;font-size:20px;font-weight:650;letter-spacing:-.01em}
header.top .meta{color:var(--muted);font-size:13px;margin-top:2px}
main{max-width:1280px;margin:0 auto;padding:20px 28px 60px}
.summary{display:flex;gap:12px;flex-wrap:wrap;margin:4px 0 18px}
.count{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 16px;min-width:118px;cursor:pointer;text-align:left;color:inherit;font:inherit}
.count:hover{border-color:var(--accent)}
.count .n{display:block;font-size:26px;font-weight:700;line-height:1.15}
.count .l{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.count.passed .n{color:var(--pass)}.count.failed .n{color:var(--fail)}.count.expected-failure .n{color:var(--xfail)}.count.skipped .n{color:var(--skip)}.count.inconclusive .n{color:var(--warn)}.count.warnings .n{color:var(--warn)}.count.fixed .n{color:var(--fail)}
.bar{position:sticky;top:0;z-index:5;background:var(--bg);padding:10px 0;display:flex;gap:10px;align-items:center;flex-wrap:wrap;border-bottom:1px solid var(--line);margin-bottom:14px}
.bar input[type=search]{flex:1 1 260px;padding:8px 12px;border:1px solid var(--line);border-radius:8px;background:var(--card);color:var(--ink);font:inherit}
.chips{display:flex;gap:6px;flex-wrap:wrap}
.chip{border:1px solid var(--line);background:var(--card);color:var(--ink);border-radius:999px;padding:5px 12px;font:inherit;font-size:13px;cursor:pointer}
.chip[aria-pressed=true]{background:var(--ink);color:var(--card);border-color:var(--ink)}
.bar .shown{color:var(--muted);font-size:13px;margin-left:auto}
.bar button.plain{border:0;background:none;color:var(--accent);cursor:pointer;font:inherit;font-size:13px}
details.case{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--skip);border-radius:8px;margin:0 0 4px;overflow:hidden}
details.case[data-verdict=passed]{border-left-color:var(--pass)}details.case[data-verdict=failed],details.case[data-verdict=fixed]{border-left-color:var(--fail)}details.case[data-verdict=expected-failure]{border-left-color:var(--xfail)}details.case[data-verdict=inconclusive]{border-left-color:var(--warn)}
details.case>summary{list-style:none;cursor:pointer;padding:6px 14px;display:flex;align-items:center;gap:10px;min-height:34px}
details.case>summary::-webkit-details-marker{display:none}
details.case>summary:hover{background:var(--soft)}
.verdict{font-size:12px;font-weight:650;border-radius:6px;padding:2px 8px;white-space:nowrap;text-transform:uppercase;letter-spacing:.03em}
.verdict.passed{background:var(--pass-bg);color:var(--pass)}.verdict.failed,.verdict.fixed{background:var(--fail-bg);color:var(--fail)}.verdict.expected-failure{background:var(--warn-bg);color:var(--xfail)}.verdict.skipped{background:var(--skip-bg);color:var(--skip)}.verdict.inconclusive{background:var(--warn-bg);color:var(--warn)}
.case-id{flex:0 1 auto;min-width:0;font-family:var(--mono);font-weight:600;font-size:13.5px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.case-title{flex:1 1 0;min-width:0;color:var(--muted);font-size:13px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.case-side{flex:0 0 auto;color:var(--muted);font-size:12.5px;white-space:nowrap;text-align:right}
.dchips{flex:0 1 auto;min-width:0;max-width:45%;display:flex;gap:5px;overflow:hidden}.dchips .dchip{flex:0 0 auto;white-space:nowrap}
details.case[open]>summary{flex-wrap:wrap}details.case[open]>summary .case-title{white-space:normal;flex-basis:100%;order:5}details.case[open]>summary .dchips{flex-wrap:wrap;order:6}
@media (max-width:760px){details.case>summary{flex-wrap:wrap}.case-title{flex-basis:100%;order:5}}
.dchip{font-family:var(--mono);font-size:11.5px;border-radius:5px;padding:1px 7px;border:1px solid}
.dchip.error{color:var(--fail);border-color:var(--fail);background:var(--fail-bg)}.dchip.warning{color:var(--warn);border-color:var(--warn);background:var(--warn-bg)}.dchip.expected{color:var(--muted);border-color:var(--line);background:var(--soft)}
.case-body{padding:4px 18px 18px;border-top:1px solid var(--line)}
.case-body h3{font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:18px 0 8px}
.kv{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;font-size:13px;margin-top:10px}.kv dt{color:var(--muted)}.kv dd{margin:0;overflow-wrap:anywhere}
.failmsg{background:var(--fail-bg);color:var(--fail);border-radius:8px;padding:8px 12px;margin-top:12px;font-size:13.5px}
.diag{border:1px solid var(--line);border-left:4px solid var(--fail);border-radius:8px;padding:10px 14px;margin:0 0 10px;background:var(--card)}
.diag.warning{border-left-color:var(--warn)}
.diag h4{margin:0 0 4px;font-size:15px}.diag h4 .did{font-family:var(--mono);font-weight:500;font-size:12px;color:var(--muted);margin-left:8px}
.diag .lvl{font-size:11px;font-weight:700;text-transform:uppercase;margin-right:8px}.diag.error .lvl{color:var(--fail)}.diag.warning .lvl{color:var(--warn)}
.diag p{margin:4px 0 6px}.diag ol{margin:4px 0 4px 20px;padding:0}.diag li{margin:2px 0}
.diag .ev{font-size:12.5px;color:var(--muted)}.diag .ev a{font-family:var(--mono);font-weight:650}
a,a:visited{color:var(--accent)}
.diag.expected{border-left-color:var(--muted)}.diag.expected .lvl{color:var(--muted)}
.steps{width:100%;border-collapse:collapse;font-size:13px}
.steps td{border-top:1px solid var(--line);padding:6px 8px;vertical-align:top}
.steps td.ok{color:var(--pass);width:1.5em}.steps td.ko{color:var(--fail);width:1.5em}
.steps .sname{font-weight:600}.steps .sdetail{color:var(--muted);font-family:var(--mono);font-size:12px;overflow-wrap:anywhere}
.steps ul{list-style:none;margin:4px 0 0;padding:0}.steps li{font-size:12.5px;padding-left:1.2em;text-indent:-1.2em}
.steps li.ko{color:var(--fail)}.steps li.ok{color:var(--muted)}
.diagram{overflow-x:auto;border:1px solid var(--line);border-radius:8px;background:var(--card);padding:6px}
svg.seq{display:block;font-family:system-ui,sans-serif}
.seq-life{stroke:var(--line);stroke-width:1.2;stroke-dasharray:4 4}
.seq-actor rect{fill:var(--soft);stroke:var(--line)}
.seq-actor-authorization-server rect{fill:#e8efff;stroke:#b8c8f2}.seq-actor-resource-server rect{fill:#eaf6ee;stroke:#b9dfc4}.seq-actor-client rect{fill:#f3ecfb;stroke:#d5c3ee}.seq-actor-user-agent rect{fill:#fff4e0;stroke:#edd3a4}
@media (prefers-color-scheme:dark){.seq-actor rect{fill:var(--soft)!important;stroke:var(--line)!important}}
.seq-name{font-size:13px;font-weight:650;text-anchor:middle;fill:var(--ink)}.seq-sub{font-size:11px;text-anchor:middle;fill:var(--muted)}
.seq-band rect{fill:var(--soft)}.seq-band text{font-size:11.5px;font-weight:600;fill:var(--muted)}
.seq-msg line{stroke:var(--ink);stroke-width:1.4}.seq-msg.seq-dashed line{stroke-dasharray:6 4}.seq-msg.seq-dotted line{stroke-dasharray:2 3;stroke:var(--muted)}
.seq-msg text{font-size:11.5px;fill:var(--ink);text-anchor:middle}.seq-msg .seq-num{fill:var(--muted);font-size:10.5px;text-anchor:start;font-family:var(--mono)}
.seq-msg.seq-ok line{stroke:var(--pass)}.seq-msg.seq-ok .seq-label{fill:var(--pass)}
.seq-msg.seq-error line{stroke:var(--fail)}.seq-msg.seq-error .seq-label{fill:var(--fail);font-weight:650}
.seq-msg.seq-probe line{stroke:var(--muted);stroke-dasharray:2 4}.seq-msg.seq-probe .seq-label{fill:var(--muted);font-style:italic}.seq-head.seq-probe path{fill:var(--muted)}
.seq-msg.seq-redirect line{stroke:var(--accent)}.seq-msg.seq-redirect .seq-label{fill:var(--accent)}
.seq-msg.seq-hot line{stroke-width:2.6}
.seq-hit{fill:transparent}.seq-link:hover .seq-hit{fill:var(--soft)}
.seq-head path{fill:var(--ink)}.seq-head.seq-ok path{fill:var(--pass)}.seq-head.seq-error path{fill:var(--fail)}.seq-head.seq-redirect path{fill:var(--accent)}
.seq-more{font-size:12px;fill:var(--muted);text-anchor:middle}
details.ex{border:1px solid var(--line);border-radius:8px;margin:0 0 6px;background:var(--card)}
details.ex>summary{cursor:pointer;padding:6px 10px;font-family:var(--mono);font-size:12.5px;display:flex;gap:10px;align-items:baseline}
details.ex>summary .u{flex:1 1 auto;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}details.ex>summary .who{color:var(--muted);white-space:nowrap}details.ex>summary .ep{white-space:nowrap}
details.ex>summary .st{font-weight:700}.st.s2{color:var(--pass)}.st.s3{color:var(--accent)}.st.s4,.st.s5{color:var(--fail)}.st.probe{color:var(--muted);font-weight:500}
details.ex>summary .ep{color:var(--muted);font-family:system-ui,sans-serif;font-size:12px}
details.ex.hot{border-color:var(--fail);box-shadow:0 0 0 1px var(--fail) inset}
details.ex:target,details.ex.flash{outline:2px solid var(--accent)}
.msg{display:grid;grid-template-columns:1fr 1fr;gap:10px;padding:0 10px 10px}
@media (max-width:900px){.msg{grid-template-columns:1fr}}
.msg h5{margin:6px 0 4px;font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.msg pre{margin:0;background:var(--soft);border-radius:6px;padding:8px 10px;font:12px/1.45 var(--mono);white-space:pre-wrap;overflow-wrap:anywhere;max-height:420px;overflow:auto}
.msg .hname{color:var(--muted)}
.redacted{background:#e4e0f7;color:#4b3a9a;border-radius:4px;padding:0 3px;font-weight:600}
@media (prefers-color-scheme:dark){.redacted{background:#2c2650;color:#c7bcff}}
.warnlist{margin:0;padding-left:18px;font-size:13px}.warnlist code{font-size:12px}
.empty{color:var(--muted);font-size:13px;margin:4px 0}
footer{color:var(--muted);font-size:12px;text-align:center;margin:30px 0}
[hidden]{display:none!important}
`;

export const SCRIPT = `
(function(){
  var cases=[].slice.call(document.querySelectorAll('details.case'));
  var search=document.getElementById('q');
  var chips=[].slice.call(document.querySelectorAll('.chip[data-filter]'));
  var shown=document.getElementById('shown');
  var filter='all';
  function apply(){
    var q=(search.value||'').trim().toLowerCase();var n=0;
    cases.forEach(function(c){
      var v=c.getAttribute('data-verdict');
      var okV=filter==='all'||(filter==='failed'?(v==='failed'||v==='fixed'):filter==='diagnosed'?c.hasAttribute('data-diagnosed'):v===filter);
      var okQ=!q||c.getAttribute('data-search').indexOf(q)>=0;
      c.hidden=!(okV&&okQ);if(!c.hidden)n++;
    });
    shown.textContent=n+' of '+cases.length+' shown';
  }
  function setFilter(f){filter=f;chips.forEach(function(b){b.setAttribute('aria-pressed',String(b.getAttribute('data-filter')===f));});apply();}
  chips.forEach(function(b){b.addEventListener('click',function(){setFilter(b.getAttribute('data-filter'));});});
  [].slice.call(document.querySelectorAll('.count[data-filter]')).forEach(function(b){b.addEventListener('click',function(){setFilter(b.getAttribute('data-filter'));});});
  search.addEventListener('input',apply);
  document.getElementById('expand').addEventListener('click',function(){cases.forEach(function(c){if(!c.hidden)c.open=true;});});
  document.getElementById('collapse').addEventListener('click',function(){cases.forEach(function(c){c.open=false;});});
  function reveal(){
    var id=decodeURIComponent(location.hash.slice(1));if(!id)return;
    var el=document.getElementById(id);if(!el)return;
    for(var p=el;p;p=p.parentElement){if(p.tagName==='DETAILS')p.open=true;if(p.hidden)p.hidden=false;}
    el.classList.add('flash');setTimeout(function(){el.classList.remove('flash');},1600);
    el.scrollIntoView({block:'center'});
  }
  window.addEventListener('hashchange',reveal);
  document.addEventListener('click',function(ev){var a=ev.target.closest&&ev.target.closest('a[href^="#"]');if(a&&a.getAttribute('href')==='#'+decodeURIComponent(location.hash.slice(1)))setTimeout(reveal,0);});
  apply();reveal();
})();
`;
