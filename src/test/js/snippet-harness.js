#!/usr/bin/env node
/*
 * Runs the Footfall tracking snippet (src/main/resources/ingest/script.js) in a fake browser
 * built with node's vm module, drives a small SPA scenario and prints what the snippet sent.
 *
 * Usage: node snippet-harness.js <path-to-script.js> <pageUrl> <dataDomain>
 *          [--automation] [--ignore] [--include-localhost] [--include-automation]
 *          [--no-beacon] [--stub-queue]
 *
 *   --automation          navigator.webdriver = true
 *   --ignore              localStorage.getItem("footfall_ignore") returns "true"
 *   --include-localhost   script tag has data-include-localhost
 *   --include-automation  script tag has data-include-automation
 *   --no-beacon           no navigator.sendBeacon, so the fetch() fallback is exercised and recorded
 *   --stub-queue          install the usual queueing stub and queue one event before the script loads
 *
 * Scenario: (1) initial pageview; (2) history.pushState({}, "", "/pricing?utm_source=newsletter");
 * (3) the same pushState again (must not send); (4) window.footfall("Signup", {props: {plan: "pro"}});
 * (5) popstate back to the original URL.
 *
 * Output: one JSON line {"sent":[{"url","type","body"}...],"warnings":[...]}; exit 0.
 * Exit 1 (message on stderr) if the script throws; exit 2 on bad usage.
 * Plain CommonJS, node built-ins only (Node 20).
 */
"use strict";

const fs = require("fs");
const vm = require("vm");

const KNOWN_FLAGS = ["--automation", "--ignore", "--include-localhost", "--include-automation",
  "--no-beacon", "--stub-queue"];

function usage(msg) {
  if (msg) process.stderr.write(msg + "\n");
  process.stderr.write("usage: node snippet-harness.js <path-to-script.js> <pageUrl> <dataDomain> " +
    "[--automation] [--ignore] [--include-localhost] [--include-automation] [--no-beacon] [--stub-queue]\n");
  process.exit(2);
}

const args = process.argv.slice(2);
const positional = args.filter((a) => !a.startsWith("--"));
const flags = new Set(args.filter((a) => a.startsWith("--")));
for (const f of flags) if (!KNOWN_FLAGS.includes(f)) usage("unknown option: " + f);
if (positional.length !== 3) usage();
const [scriptPath, pageUrl, dataDomain] = positional;

let source;
try {
  source = fs.readFileSync(scriptPath, "utf8");
} catch (e) {
  usage("cannot read " + scriptPath + ": " + e.message);
}
let startUrl;
try {
  startUrl = new URL(pageUrl);
} catch (e) {
  usage("invalid pageUrl: " + pageUrl);
}

const sent = [];
const warnings = [];

function parseBody(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return text; // not JSON: keep it raw so the problem is visible in the output
  }
}

// --- fake browser --------------------------------------------------------------------------

// Minimal Blob: keeps its parts joined as a string.
class Blob {
  constructor(parts, options) {
    this._text = (parts || []).map(String).join("");
    this.type = options && options.type ? String(options.type).toLowerCase() : "";
    this.size = Buffer.byteLength(this._text);
  }
  text() {
    return Promise.resolve(this._text);
  }
}

// location backed by a WHATWG URL; assigning href "navigates" (no reload in this fake).
let current = new URL(startUrl.href);
const location = {};
for (const key of ["origin", "protocol", "host", "hostname", "port", "pathname", "search", "hash"]) {
  Object.defineProperty(location, key, { enumerable: true, get: () => current[key] });
}
Object.defineProperty(location, "href", {
  enumerable: true,
  get: () => current.href,
  set: (v) => { current = new URL(String(v), current.href); },
});
location.toString = () => current.href;

const listeners = {};
function addEventListener(type, fn) {
  (listeners[type] = listeners[type] || []).push(fn);
}
function removeEventListener(type, fn) {
  listeners[type] = (listeners[type] || []).filter((f) => f !== fn);
}

const history = {
  state: null,
  length: 1,
  pushState(state, title, url) {
    this.state = state;
    this.length++;
    if (url !== undefined && url !== null) current = new URL(String(url), current.href);
  },
  replaceState(state, title, url) {
    this.state = state;
    if (url !== undefined && url !== null) current = new URL(String(url), current.href);
  },
};

function dispatchPopstate(url) {
  current = new URL(String(url), current.href);
  history.state = null;
  const event = { type: "popstate", state: null };
  for (const fn of (listeners.popstate || []).slice()) fn.call(window, event);
}

const attributes = { "data-domain": dataDomain };
if (flags.has("--include-localhost")) attributes["data-include-localhost"] = "";
if (flags.has("--include-automation")) attributes["data-include-automation"] = "";

const scriptElement = {
  tagName: "SCRIPT",
  src: new URL("/js/script.js", startUrl).href, // = origin + "/js/script.js" (file: pages have no origin)
  defer: true,
  getAttribute: (name) => (Object.prototype.hasOwnProperty.call(attributes, name) ? attributes[name] : null),
  hasAttribute: (name) => Object.prototype.hasOwnProperty.call(attributes, name),
};

const document = {
  currentScript: scriptElement,
  referrer: "https://referrer.example/some/page",
  cookie: "",
  querySelectorAll: (selector) => (/script/i.test(selector) ? [scriptElement] : []),
  querySelector: (selector) => (/script/i.test(selector) ? scriptElement : null),
  addEventListener: () => {},
};

const navigator = {
  userAgent: "Mozilla/5.0 (footfall-snippet-harness)",
  webdriver: flags.has("--automation"),
};
if (!flags.has("--no-beacon")) {
  navigator.sendBeacon = (url, data) => {
    const isBlob = data instanceof Blob;
    sent.push({
      via: "sendBeacon",
      url: String(url),
      type: isBlob ? data.type : "text/plain;charset=UTF-8",
      body: parseBody(isBlob ? data._text : String(data)),
    });
    return true;
  };
}

function fetch(url, init) {
  init = init || {};
  const headers = init.headers || {};
  const type = Object.keys(headers).reduce((t, k) => (k.toLowerCase() === "content-type" ? headers[k] : t), null);
  sent.push({
    via: "fetch",
    url: String(url),
    type,
    method: init.method || "GET",
    keepalive: !!init.keepalive,
    body: parseBody(String(init.body)),
  });
  return Promise.resolve({ ok: true, status: 202 });
}

const store = new Map();
if (flags.has("--ignore")) store.set("footfall_ignore", "true");
const localStorage = {
  getItem: (k) => (store.has(String(k)) ? store.get(String(k)) : null),
  setItem: (k, v) => { store.set(String(k), String(v)); },
  removeItem: (k) => { store.delete(String(k)); },
};

const fakeConsole = {
  warn: (...a) => { warnings.push(a.map(String).join(" ")); },
  log: (...a) => process.stderr.write("[console.log] " + a.map(String).join(" ") + "\n"),
  info: (...a) => process.stderr.write("[console.info] " + a.map(String).join(" ") + "\n"),
  error: (...a) => process.stderr.write("[console.error] " + a.map(String).join(" ") + "\n"),
};

const window = {
  location, history, document, navigator, localStorage, Blob, URL, fetch,
  console: fakeConsole,
  innerWidth: 1280,
  innerHeight: 800,
  addEventListener,
  removeEventListener,
  setTimeout, clearTimeout, Promise, JSON,
};
window.window = window;
window.self = window;
window.dispatchPopstate = dispatchPopstate;
vm.createContext(window);

// --- scenario ------------------------------------------------------------------------------

function run(code, filename) {
  vm.runInContext(code, window, { filename });
}

async function main() {
  if (flags.has("--stub-queue")) {
    run('window.footfall = window.footfall || function () { (window.footfall.q = window.footfall.q || []).push(arguments) };' +
      'window.footfall("Queued", { props: { before: "load" } });', "stub.js");
  }
  run(source, scriptPath); // (1) initial pageview
  // Once executed, document.currentScript is null again, as in a browser.
  document.currentScript = null;
  if (typeof window.footfall !== "function") throw new Error("script did not define window.footfall");
  run('history.pushState({}, "", "/pricing?utm_source=newsletter");', "scenario-2.js");
  run('history.pushState({}, "", "/pricing?utm_source=newsletter");', "scenario-3.js");
  run('window.footfall("Signup", { props: { plan: "pro" } });', "scenario-4.js");
  dispatchPopstate(startUrl.href); // (5)
  await new Promise((resolve) => setImmediate(resolve)); // let fetch().then(...) callbacks settle
  const out = flags.has("--no-beacon") ? sent : sent.map(({ via, ...rest }) => rest);
  process.stdout.write(JSON.stringify({ sent: out, warnings }) + "\n");
}

process.on("unhandledRejection", (e) => {
  process.stderr.write("snippet error (async): " + (e && e.stack ? e.stack : e) + "\n");
  process.exit(1);
});

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write("snippet error: " + (e && e.stack ? e.stack : e) + "\n");
    process.exit(1);
  }
);
