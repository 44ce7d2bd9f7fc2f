/* Footfall: no cookies */
(function () {
  var w = window, d = document, l = w.location, n = w.navigator, f = w.footfall, q = f && f.q || [],
    s = d.currentScript || [].slice.call(d.querySelectorAll('script[src$="/js/script.js"]')).pop(),
    k, last;
  if (!s || f && f.l) return;
  function a(k) { return s.getAttribute("data-" + k); }
  var api = a("api") || new URL(s.src).origin + "/api/event";

  function track(name, o) {
    o = o || {};
    var c = o.callback || function () {}, r, b;
    if ((/^(localhost|127(\.\d+){3}|\[::1\])$/.test(l.hostname) || l.protocol == "file:") && a("include-localhost") == null) r = "localhost";
    else if ((n.webdriver || w._phantom || w.__nightmare || w.Cypress) && a("include-automation") == null) r = "automation";
    else try { var t = localStorage, h = l.hash, g = "footfall_ignore"; if (/^#footfall-(ignore|count)$/.test(h)) t.setItem(g, h[10] == "i"); if (t.getItem(g) == "true") r = g; } catch (e) {}
    if (r) return k || console.warn("Footfall: ignoring " + r), k = 1, c();
    b = { n: name, u: l.href, d: a("domain"), r: d.referrer || null, w: w.innerWidth };
    if (o.props) b.p = o.props;
    b = JSON.stringify(b);
    if (n.sendBeacon && n.sendBeacon(api, new Blob([b], { type: "text/plain" }))) c();
    else fetch(api, { method: "POST", body: b, keepalive: true, headers: { "Content-Type": "text/plain" } }).then(c, c);
  }

  function pv() { // pageview unless path+search unchanged
    var p = l.pathname + l.search;
    if (p != last) last = p, track("pageview");
  }

  var ps = history.pushState;
  history.pushState = function () { var r = ps.apply(this, arguments); pv(); return r; };
  w.addEventListener("popstate", pv);
  track.l = 1;
  w.footfall = track;
  pv();
  for (var i = 0; i < q.length; i++) track.apply(null, q[i]);
})();
