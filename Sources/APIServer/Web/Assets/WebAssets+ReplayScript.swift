extension WebAssets {
    /// `replay.js`: the run replay viewer. Loads `/v1/runs/{id}/replay` (with the token kept in
    /// `sessionStorage`, as a bearer header, when the run is not public yet), draws the price
    /// path with every fill and incident, the equity curves, and — at the chosen tick — the book,
    /// positions, equity and fills. All text is set with `textContent`.
    static let replayScript = #"""
        "use strict";
        (function () {
          const root = document.getElementById("viewer");
          if (!root) return;
          const runId = root.dataset.run;
          const status = document.getElementById("viewer-status");
          const signin = document.getElementById("signin");
          const tokenKey = "perparena.token";
          const palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"];
          let data = null, instrument = 0, cursor = 0, timer = null, visible = [], base = null, baseEquity = null;
          const el = (tag, props, text) => {
            const node = document.createElement(tag);
            if (props) for (const k in props) {
              if (k === "dataset") Object.assign(node.dataset, props[k]); else node[k] = props[k];
            }
            if (text != null) node.textContent = String(text);
            return node;
          };
          const colour = (i) => i < palette.length ? palette[i] : "hsl(" + (i * 47 % 360) + ",65%,50%)";
          const cents = (c) => (c / 100).toFixed(2);
          // Exact USDT from units of 1e-8 (funding on a small position is a fraction of a cent).
          const usdt = (u) => {
            const a = Math.abs(u);
            let frac = String(a % 1e8).padStart(8, "0").replace(/0+$/, "");
            if (frac.length < 2) frac = frac.padEnd(2, "0");
            return (u < 0 ? "-" : "") + Math.floor(a / 1e8) + "." + frac;
          };
          function load() {
            const token = sessionStorage.getItem(tokenKey);
            const headers = token ? { "Authorization": "Bearer " + token } : {};
            status.textContent = "Loading replay…";
            const started = performance.now();
            fetch("/v1/runs/" + encodeURIComponent(runId) + "/replay", { headers: headers, credentials: "omit", cache: "no-store" })
              .then((response) => response.json().then((body) => ({ response, body })))
              .then(({ response, body }) => {
                if (!response.ok) {
                  const message = body && body.error ? body.error.message : "HTTP " + response.status;
                  status.textContent = "Replay unavailable: " + message;
                  if ([401, 403, 404].includes(response.status)) {
                    if (response.status === 401) sessionStorage.removeItem(tokenKey);
                    signin.hidden = false;
                  }
                  return;
                }
                signin.hidden = true;
                data = body;
                build();
                root.dataset.loadedMs = String(Math.round(performance.now() - started));
                status.textContent = "Replay of run " + data.run_id + " (" + data.ticks.length + " ticks, " + data.teams.length +
                  " teams" + (data.view === "team" ? ", your team's view before publication" : "") + ").";
              })
              .catch(() => { status.textContent = "Replay could not be loaded."; });
          }
          signin.addEventListener("submit", (event) => {
            event.preventDefault();
            const input = document.getElementById("token");
            sessionStorage.setItem(tokenKey, input.value.trim());
            input.value = "";
            load();
          });
          function price(ticks, inst) {
            const size = parseFloat(inst.tick_size);
            const decimals = Math.max(0, (inst.tick_size.split(".")[1] || "").replace(/0+$/, "").length);
            return (ticks * size).toFixed(decimals);
          }
          function build() {
            const ui = el("div", { className: "replay" });
            const controls = el("div", { className: "controls", role: "group", ariaLabel: "Replay controls" });
            const select = el("select", { id: "instrument", ariaLabel: "Instrument" });
            data.instruments.forEach((inst, i) => select.appendChild(el("option", { value: String(i) }, inst.symbol)));
            select.addEventListener("change", () => { instrument = Number(select.value); redraw(true); });
            const prev = el("button", { type: "button", id: "prev", ariaLabel: "Previous tick" }, "◀");
            const play = el("button", { type: "button", id: "play", ariaPressed: "false" }, "Play");
            const next = el("button", { type: "button", id: "next", ariaLabel: "Next tick" }, "▶");
            const slider = el("input", { type: "range", id: "tick", min: "0", max: String(data.ticks.length - 1), value: "0", ariaLabel: "Tick" });
            const label = el("output", { id: "tick-label", htmlFor: "tick" });
            const speed = el("select", { id: "speed", ariaLabel: "Speed" });
            [["1", "1×"], ["5", "5×"], ["20", "20×"]].forEach(([v, t]) => speed.appendChild(el("option", { value: v }, t)));
            controls.append(select, prev, play, next, slider, label, speed);
            const priceCanvas = el("canvas", { className: "price", id: "price-chart", role: "img", ariaLabel: "Mark, index and last price with fills" });
            const equityCanvas = el("canvas", { className: "equity", id: "equity-chart", role: "img", ariaLabel: "Equity per team" });
            const key = el("p", { className: "chart-key", id: "chart-key" });
            [["key-mark", "mark"], ["key-index", "index"], ["key-last", "last trade"], ["key-buy", "▲ bought"],
              ["key-sell", "▼ sold"], ["key-liq", "liquidation / ADL"]].forEach(([kind, text]) => {
              const item = el("span", { className: "key " + kind });
              item.append(el("span", { className: "sample", ariaHidden: "true" }), document.createTextNode(text));
              key.appendChild(item);
            });
            const legend = el("ul", { className: "legend", id: "legend", ariaLabel: "Teams" });
            visible = data.teams.map(() => true);
            data.teams.forEach((team, i) => {
              const li = el("li");
              const box = el("input", { type: "checkbox", checked: true, id: "team-" + i });
              box.addEventListener("change", () => { visible[i] = box.checked; redraw(true); });
              const lab = el("label", { htmlFor: "team-" + i });
              const swatch = el("span", { className: "swatch" });
              swatch.style.background = colour(i);
              lab.append(box, swatch, document.createTextNode(team.label));
              li.appendChild(lab);
              legend.appendChild(li);
            });
            const panels = el("div", { className: "panels" });
            const at = panel("At this tick", "at-tick");
            const book = panel("Order book", "book");
            const teams = panel("Positions and equity", "positions");
            const fills = panel("Fills at this tick", "fills");
            const incidents = panel("Liquidations, ADL and faults", "incident-panel");
            const funding = panel("Funding received so far", "funding");
            panels.append(at, book, teams, fills, incidents, funding);
            ui.append(controls, priceCanvas, key, legend, equityCanvas, panels);
            root.appendChild(ui);
            renderIncidents(incidents);
            if (!document.getElementById("verification")) renderVerification();
            prev.addEventListener("click", () => seek(cursor - 1));
            next.addEventListener("click", () => seek(cursor + 1));
            slider.addEventListener("input", () => seek(Number(slider.value)));
            play.addEventListener("click", () => toggle());
            root.addEventListener("keydown", (event) => {
              if (event.target instanceof HTMLInputElement && event.target.type !== "range") return;
              if (event.key === " " && event.target.tagName !== "BUTTON") { event.preventDefault(); toggle(); }
              if (event.key === "Home") { event.preventDefault(); seek(0); }
              if (event.key === "End") { event.preventDefault(); seek(data.ticks.length - 1); }
            });
            window.addEventListener("resize", () => redraw(true));
            const match = /tick=(\d+)/.exec(location.hash);
            const start = match ? data.ticks.indexOf(Number(match[1])) : data.ticks.length - 1;
            redraw(true);
            seek(start >= 0 ? start : data.ticks.length - 1);
          }
          function panel(title, id) {
            const section = el("section", { className: "panel", id: id });
            section.appendChild(el("h3", null, title));
            return section;
          }
          function toggle() {
            const play = document.getElementById("play");
            if (timer) { clearInterval(timer); timer = null; play.textContent = "Play"; play.ariaPressed = "false"; return; }
            if (cursor >= data.ticks.length - 1) seek(0);
            play.textContent = "Pause";
            play.ariaPressed = "true";
            timer = setInterval(() => {
              const step = Number(document.getElementById("speed").value);
              if (cursor >= data.ticks.length - 1) { toggle(); return; }
              seek(Math.min(cursor + step, data.ticks.length - 1));
            }, 50);
          }
          function seek(i) {
            cursor = Math.max(0, Math.min(data.ticks.length - 1, i));
            document.getElementById("tick").value = String(cursor);
            document.getElementById("tick-label").textContent = "tick " + data.ticks[cursor];
            drawCursor();
            renderTick();
          }
          function setup(canvas) {
            const ratio = window.devicePixelRatio || 1;
            const width = Math.max(200, canvas.clientWidth), height = Math.max(100, canvas.clientHeight);
            canvas.width = Math.round(width * ratio);
            canvas.height = Math.round(height * ratio);
            const g = canvas.getContext("2d", { willReadFrequently: true });
            g.setTransform(ratio, 0, 0, ratio, 0, 0);
            return { g, width, height };
          }
          function scale(values, lo, hi, height) {
            const span = hi - lo || 1;
            return (v) => 8 + (height - 24) * (1 - (v - lo) / span);
          }
          function redraw(full) {
            if (!data) return;
            const n = data.ticks.length;
            const inst = data.instruments[instrument];
            const pc = document.getElementById("price-chart");
            const { g, width, height } = setup(pc);
            const x = (i) => 44 + (width - 52) * (n > 1 ? i / (n - 1) : 0);
            const series = [inst.mark, inst.index, inst.last];
            let lo = Infinity, hi = -Infinity;
            for (const s of series) for (const v of s) if (v > 0) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            if (!isFinite(lo)) { lo = 0; hi = 1; }
            const y = scale(null, lo, hi, height);
            g.clearRect(0, 0, width, height);
            g.font = "11px system-ui, sans-serif";
            g.fillStyle = getComputedStyle(document.body).color;
            g.fillText(price(hi, inst), 2, 12);
            g.fillText(price(lo, inst), 2, height - 18);
            axis(g, width, height);
            const line = (values, stroke, dash, widthPx) => {
              g.beginPath(); g.setLineDash(dash); g.strokeStyle = stroke; g.lineWidth = widthPx;
              let started = false;
              values.forEach((v, i) => { if (v <= 0) return; if (started) g.lineTo(x(i), y(v)); else { g.moveTo(x(i), y(v)); started = true; } });
              g.stroke(); g.setLineDash([]);
            };
            line(inst.index, "#999", [4, 3], 1);
            line(inst.last, "rgba(127,127,127,.45)", [], 1);
            line(inst.mark, "#1f5fbf", [], 1.6);
            const slotIndex = new Map(data.teams.map((t, i) => [t.slot, i]));
            const tickIndex = new Map(data.ticks.map((t, i) => [t, i]));
            const f = data.fills;
            for (let k = 0; k < f.tick.length; k++) {
              if (f.instrument[k] !== instrument) continue;
              const team = slotIndex.get(f.slot[k]);
              if (team == null || !visible[team]) continue;
              const px = x(tickIndex.get(f.tick[k]) || 0), py = y(f.price[k]);
              g.fillStyle = colour(team);
              g.beginPath();
              if (f.side[k] > 0) { g.moveTo(px, py - 5); g.lineTo(px - 4, py + 3); g.lineTo(px + 4, py + 3); }
              else { g.moveTo(px, py + 5); g.lineTo(px - 4, py - 3); g.lineTo(px + 4, py - 3); }
              g.fill();
            }
            for (const incident of data.incidents) {
              if (incident.kind !== "liquidation" && incident.kind !== "adl") continue;
              const px = x(tickIndex.get(incident.tick) || 0);
              g.strokeStyle = "#c0392b"; g.setLineDash([2, 2]); g.beginPath(); g.moveTo(px, 0); g.lineTo(px, height); g.stroke(); g.setLineDash([]);
              g.fillStyle = "#c0392b"; g.fillText(incident.kind === "adl" ? "ADL" : "LIQ", px + 2, 24);
            }
            base = g.getImageData(0, 0, pc.width, pc.height);
            const ec = document.getElementById("equity-chart");
            const e = setup(ec);
            let elo = Infinity, ehi = -Infinity;
            data.teams.forEach((t, i) => { if (visible[i]) for (const v of t.equity_cents) { elo = Math.min(elo, v); ehi = Math.max(ehi, v); } });
            if (!isFinite(elo)) { elo = 0; ehi = 1; }
            const ey = scale(null, elo, ehi, e.height);
            const ex = (i) => 44 + (e.width - 52) * (n > 1 ? i / (n - 1) : 0);
            e.g.clearRect(0, 0, e.width, e.height);
            e.g.font = "11px system-ui, sans-serif";
            e.g.fillStyle = getComputedStyle(document.body).color;
            e.g.fillText(cents(ehi), 2, 12);
            e.g.fillText(cents(elo), 2, e.height - 18);
            axis(e.g, e.width, e.height);
            data.teams.forEach((t, i) => {
              if (!visible[i]) return;
              e.g.beginPath(); e.g.strokeStyle = colour(i); e.g.lineWidth = 1.4;
              const stride = data.equity_stride || 1;
          t.equity_cents.forEach((v, k) => k ? e.g.lineTo(ex(k * stride), ey(v)) : e.g.moveTo(ex(k * stride), ey(v)));
              e.g.stroke();
            });
            baseEquity = e.g.getImageData(0, 0, ec.width, ec.height);
            drawCursor();
          }
          // The first, middle and last tick under a chart.
          function axis(g, width, height) {
            const n = data.ticks.length;
            g.save();
            g.fillStyle = getComputedStyle(document.body).color;
            g.globalAlpha = 0.7;
            [[0, "left"], [Math.floor((n - 1) / 2), "center"], [n - 1, "right"]].forEach(([i, align]) => {
              g.textAlign = align;
              g.fillText("tick " + data.ticks[i], 44 + (width - 52) * (n > 1 ? i / (n - 1) : 0), height - 3);
            });
            g.restore();
          }
          function drawCursor() {
            const n = data.ticks.length;
            for (const [id, image] of [["price-chart", base], ["equity-chart", baseEquity]]) {
              const canvas = document.getElementById(id);
              if (!canvas || !image) continue;
              const g = canvas.getContext("2d");
              g.putImageData(image, 0, 0);
              const width = canvas.width / (window.devicePixelRatio || 1);
              const px = 44 + (width - 52) * (n > 1 ? cursor / (n - 1) : 0);
              g.strokeStyle = "rgba(127,127,127,.9)"; g.lineWidth = 1;
              g.beginPath(); g.moveTo(px, 0); g.lineTo(px, canvas.height); g.stroke();
            }
          }
          function table(headers, rows) {
            const t = el("table");
            const head = el("tr");
            headers.forEach((h) => head.appendChild(el("th", { scope: "col" }, h)));
            t.appendChild(el("thead")).appendChild(head);
            const body = t.appendChild(el("tbody"));
            rows.forEach((cells) => {
              const tr = el("tr");
              cells.forEach((c) => tr.appendChild(c instanceof Node ? c : el("td", null, c)));
              body.appendChild(tr);
            });
            return t;
          }
          function fill(section, node) {
            section.replaceChildren(section.firstChild, node);
          }
          function renderTick() {
            const inst = data.instruments[instrument];
            const tick = data.ticks[cursor];
            const lots = (q, i) => (q / data.instruments[i].lots_per_coin).toString();
            fill(document.getElementById("at-tick"), table(["Tick", "Mark", "Index", "Last"], [[
              String(tick), price(inst.mark[cursor], inst), price(inst.index[cursor], inst), inst.last[cursor] ? price(inst.last[cursor], inst) : "—"]]));
            const d = data.book_depth, rows = [];
            for (let l = 0; l < d; l++) {
              const k = Math.min(Math.floor(cursor / (data.equity_stride || 1)), inst.book_bid_price.length / d - 1) * d + l;
              rows.push([
                el("td", { className: "num bid" }, inst.book_bid_quantity[k] ? lots(inst.book_bid_quantity[k], instrument) : ""),
                el("td", { className: "num bid" }, inst.book_bid_price[k] ? price(inst.book_bid_price[k], inst) : ""),
                el("td", { className: "num ask" }, inst.book_ask_price[k] ? price(inst.book_ask_price[k], inst) : ""),
                el("td", { className: "num ask" }, inst.book_ask_quantity[k] ? lots(inst.book_ask_quantity[k], instrument) : "")]);
            }
            fill(document.getElementById("book"), table(["Bid size", "Bid", "Ask", "Ask size"], rows));
            const p = data.positions, size = new Map();
            for (let k = 0; k < p.tick.length && p.tick[k] <= tick; k++) size.set(p.slot[k] + ":" + p.instrument[k], p.size[k]);
            fill(document.getElementById("positions"), table(["Team", inst.symbol, "Equity"], data.teams.map((t) => [
              t.label, lots(size.get(t.slot + ":" + instrument) || 0, instrument),
          cents(t.equity_cents[Math.min(t.equity_cents.length - 1, Math.floor(cursor / (data.equity_stride || 1)))])])));
            const labels = new Map(data.teams.map((t) => [t.slot, t.label]));
            const list = el("ul", { id: "tick-fills", className: "events" });
            const f = data.fills;
            for (let k = 0; k < f.tick.length; k++) {
              if (f.tick[k] !== tick) continue;
              const inst2 = data.instruments[f.instrument[k]];
              list.appendChild(el("li", { className: "fill", dataset: { tick: String(f.tick[k]), slot: String(f.slot[k]) } },
                labels.get(f.slot[k]) + " " + (f.side[k] > 0 ? "bought " : "sold ") + lots(f.quantity[k], f.instrument[k]) + " " +
                inst2.symbol + " at " + price(f.price[k], inst2) + (f.maker[k] ? " (maker)" : " (taker)")));
            }
            if (!list.children.length) list.appendChild(el("li", null, "none"));
            fill(document.getElementById("fills"), list);
            const paid = new Map();
            const fu = data.funding;
            for (let k = 0; k < fu.tick.length && fu.tick[k] <= tick; k++) paid.set(fu.slot[k], (paid.get(fu.slot[k]) || 0) + fu.amount_units[k]);
            fill(document.getElementById("funding"), table(["Team", "Funding (USDT)"], data.teams.map((t) => [t.label, usdt(paid.get(t.slot) || 0)])));
          }
          function renderIncidents(section) {
            const labels = new Map(data.teams.map((t) => [t.slot, t.label]));
            const list = el("ul", { className: "events", id: "incidents-list" });
            for (const incident of data.incidents) {
              const li = el("li", { className: "incident " + incident.kind, dataset: { tick: String(incident.tick), kind: incident.kind } });
              const jump = el("button", { type: "button" }, "tick " + incident.tick);
              jump.addEventListener("click", () => seek(data.ticks.indexOf(incident.tick)));
              li.append(jump, document.createTextNode(" " + incident.kind + " — " +
                (incident.slot == null ? "house" : labels.get(incident.slot) || "slot " + incident.slot) + ": " + incident.detail));
              list.appendChild(li);
            }
            if (!data.incidents.length) list.appendChild(el("li", null, "none"));
            section.appendChild(list);
          }
          function renderVerification() {
            const v = data.verification;
            const section = el("section", { id: "verification" });
            section.appendChild(el("h2", null, "Verification"));
            section.appendChild(el("p", { className: v.verified ? "ok" : "bad" }, (v.verified ? "✔ verified" : "✘ not verified") +
              " by the server: chain " + (v.chain_valid ? "✔" : "✘") + ", signature " + (v.signature_valid ? "✔" : v.signature_valid === false ? "✘" : "–")));
            const dl = el("p");
            dl.append(document.createTextNode("Transcript root: "), el("code", { className: "hash" }, v.transcript_root));
            section.appendChild(dl);
            const ul = el("ul");
            for (const c of v.checks) ul.appendChild(el("li", null, (c.passed ? "✔ " : c.passed === false ? "✘ " : "– ") + c.name + ": " + c.detail));
            section.appendChild(ul);
            section.appendChild(el("p", null, "Check it yourself:"));
            section.appendChild(el("pre")).appendChild(el("code", null, v.command + " --server " + location.origin));
            root.after(section);
          }
          load();
        })();
        """#
}
