"""The checks of .ci/browser-test.sh: headless Chromium against a live `arena-server demo`.

Environment: BASE (server URL), ORGANIZER (organizer token), CONTEST (contest id), ARTIFACTS
(screenshot folder), BUNDLE_LONG / BUNDLE_SHORT (tar.gz bundles submitted by the two extra
teams), RESULTS (file that receives "PASSED FAILED"). Prints PASS/FAIL lines."""
from html import escape
import json
import os
import sys
import time
import urllib.error
import urllib.request

from cdp import Browser

BASE = os.environ["BASE"]
ORGANIZER = os.environ["ORGANIZER"]
CONTEST = os.environ["CONTEST"]
ARTIFACTS = os.environ["ARTIFACTS"]
HOSTILE = "<img src=x onerror=alert(1)>"
# The demo's sample teams (Seeds/demo-teams.json), less any the demo skipped (a missing runtime).
SKIPPED = open(os.environ["DEMO_LOG"]).read() if os.environ.get("DEMO_LOG") else ""
DEMO_TEAMS = [t["name"] for t in json.load(open(os.environ["DEMO_TEAMS"]))
              if "skipping team %s:" % t["name"] not in SKIPPED]
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("PASS " + name, flush=True)
    else:
        failed += 1
        print("FAIL %s%s" % (name, ": " + str(detail) if detail else ""), flush=True)
    return ok


def api(method, path, token=None, body=None, content_type="application/json"):
    request = urllib.request.Request(BASE + path, method=method, data=body)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if body is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def board():
    return api("GET", "/v1/contests/%s/leaderboard" % CONTEST)[1]


def shot(browser, name):
    browser.screenshot(os.path.join(ARTIFACTS, name + ".png"))


def main():
    browser = Browser()
    try:
        run(browser)
    finally:
        browser.close()
        with open(os.environ["RESULTS"], "w") as handle:
            handle.write("%d %d\n" % (passed, failed))


def run(browser):
    contest = api("GET", "/v1/contests/" + CONTEST)[1]
    first = board()
    check("the demo's board ranks its %d sample teams" % len(DEMO_TEAMS),
          len(first["rows"]) >= len(DEMO_TEAMS) >= 5, (len(first["rows"]), DEMO_TEAMS))

    browser.navigate(BASE + "/")
    check("index lists the contest", browser.evaluate("document.body.innerText").find(contest["name"]) >= 0)
    shot(browser, "01-index")

    browser.navigate(BASE + "/contests/" + CONTEST)
    text = browser.evaluate("document.body.innerText")
    keys = api("GET", "/v1/keys")[1]
    check("contest page: phases, rules, registration, key fingerprints",
          all(s in text for s in ["Phases", "Ticks per run", "Heat size", "Registration", "Attestation keys"])
          and all(k["key_id"] in text for k in keys), [k["key_id"] for k in keys])
    shot(browser, "02-contest")

    browser.navigate(BASE + "/contests/%s/leaderboard" % CONTEST)
    rows = browser.evaluate("[...document.querySelectorAll('#board tbody tr')].map(r => [...r.cells].map(c => c.textContent))")
    check("leaderboard: ranks 1..n in order", [r[0] for r in rows] == [str(i + 1) for i in range(len(rows))], rows[:3])
    check("leaderboard: the demo teams by name", all(any(r[1] == t for r in rows) for t in DEMO_TEAMS), DEMO_TEAMS)
    check("leaderboard: run links", browser.evaluate("document.querySelectorAll('#board a[href^=\"/runs/\"]').length") > 0)
    check("leaderboard: live stream connected", browser.wait_for("document.getElementById('live').textContent.startsWith('live')", 20))
    shot(browser, "03-leaderboard")
    browser.viewport(390, 844, mobile=True)
    browser.pump(0.5)
    shot(browser, "03-leaderboard-phone")
    browser.viewport(1280, 900)

    # Live update and XSS: two new teams submit while the page is open; the board must change in
    # place (no reload: a marker on window survives) and the hostile name must stay text.
    browser.evaluate("window.__stillHere = 42")
    evaluation = first.get("evaluation_id") or 0
    teams = {}
    for name, bundle in [(HOSTILE, os.environ["BUNDLE_SHORT"]), ("All-in Long", os.environ["BUNDLE_LONG"])]:
        status, body = api("POST", "/v1/contests/%s/teams" % CONTEST, body=json.dumps({"name": name}).encode())
        check("register %r" % name, status == 201, (status, body))
        if status != 201:
            continue
        teams[name] = body
        with open(bundle, "rb") as handle:
            status, body = api("POST", "/v1/submissions", token=body["token"], body=handle.read(),
                               content_type="application/gzip")
        check("submit %r's bundle" % name, status in (200, 202), (status, body))
    names = "[...document.querySelectorAll('#board tbody tr td:nth-child(2)')].map(c => c.textContent)"
    updated = browser.wait_for("(n => n.includes(%s) && n.includes('All-in Long'))(%s)" % (json.dumps(HOSTILE), names), 900)
    check("leaderboard updated live while the submissions were evaluated", bool(updated))
    check("no reload happened", browser.evaluate("window.__stillHere") == 42)
    check("XSS: no <img> element in the leaderboard", browser.evaluate("document.querySelectorAll('img').length") == 0)
    check("XSS: the hostile name is shown as text",
          browser.evaluate("document.body.innerText.includes(%s)" % json.dumps(HOSTILE)))
    shot(browser, "04-leaderboard-live")

    hostile_id = teams.get(HOSTILE, {}).get("team_id")
    browser.navigate(BASE + "/contests/%s/teams/%s" % (CONTEST, hostile_id))
    check("team page: the hostile name as the heading's text",
          browser.evaluate("document.querySelector('h1').textContent") == HOSTILE)
    check("team page: runs and submission history",
          browser.evaluate("document.querySelectorAll('a[href^=\"/runs/\"]').length > 0 && document.body.innerText.includes('Submissions')"))
    check("XSS: no <img> on the team page", browser.evaluate("document.querySelectorAll('img').length") == 0)
    shot(browser, "05-team-hostile")

    # The replay of the newest evaluation's run with the most going on (a liquidation if any).
    latest = board()
    runs = sorted({run["run_id"] for row in latest["rows"] for run in row["runs"]})
    replays = {}
    for run_id in runs:
        status, body = api("GET", "/v1/runs/%d/replay" % run_id, token=ORGANIZER)
        if status == 200:
            replays[run_id] = body
    check("organizer gets every run's replay before publication", len(replays) == len(runs), (len(replays), runs))
    status, _ = api("GET", "/v1/runs/%d/replay" % runs[0])
    check("anonymous gets no replay before publication", status == 403, status)
    own = teams.get("All-in Long")
    if own:
        mine = [r for r, d in replays.items() if any(t["team_id"] == str(own["team_id"]) for t in d["teams"])]
        status, body = api("GET", "/v1/runs/%d/replay" % mine[0], token=own["token"]) if mine else (0, None)
        check("a team gets only its own view of its run",
              status == 200 and body["view"] == "team" and [t["label"] for t in body["teams"]] == ["All-in Long"],
              (status, body and [t["label"] for t in body["teams"]]))
    def score(item):
        document = item[1]
        return (sum(1 for i in document["incidents"] if i["kind"] == "liquidation"), len(document["teams"]),
                len(document["fills"]["tick"]))
    run_id, document = max(replays.items(), key=score)
    liquidations = [i for i in document["incidents"] if i["kind"] == "liquidation"]
    fills = document["fills"]
    fill_tick = fills["tick"][len(fills["tick"]) // 2]
    labels = {t["slot"]: t["label"] for t in document["teams"]}
    expected = {labels[fills["slot"][k]] for k in range(len(fills["tick"])) if fills["tick"][k] == fill_tick}
    print("replay: run %d, %d teams, %d fills, %d liquidations, fill tick %d" % (
        run_id, len(document["teams"]), len(fills["tick"]), len(liquidations), fill_tick), flush=True)

    browser.navigate(BASE + "/runs/%d#tick=%d" % (run_id, fill_tick))
    check("replay page asks for a token before publication", browser.wait_for("!document.getElementById('signin').hidden", 20))
    browser.evaluate("document.getElementById('token').value = %s; document.getElementById('signin').requestSubmit()" % json.dumps(ORGANIZER))
    loaded = browser.wait_for("document.getElementById('viewer').dataset.loadedMs", 30)
    check("replay loads with the token from the sign-in form", bool(loaded))
    print("replay: fetched and drawn in %s ms (run %d)" % (loaded, run_id), flush=True)
    check("replay: the price chart and the equity chart are drawn",
          browser.evaluate("!!document.getElementById('price-chart') && !!document.getElementById('equity-chart')"))
    legend = browser.evaluate("[...document.querySelectorAll('#legend label')].map(l => l.textContent)")
    check("replay: every team of the run in the legend, the demo's among them",
          sorted(legend) == sorted(t["label"] for t in document["teams"]) and all(t in legend for t in DEMO_TEAMS), legend)
    marker = browser.evaluate("[...document.querySelectorAll('#tick-fills li.fill')].map(li => [li.dataset.tick, li.textContent])")
    check("replay: the fills at tick %d are marked" % fill_tick,
          bool(marker) and all(m[0] == str(fill_tick) for m in marker) and all(any(m[1].startswith(e) for m in marker) for e in expected),
          (marker, expected))
    check("replay: verification shows root and the arena verify command",
          browser.evaluate("document.body.innerText.includes(%s) && document.body.innerText.includes('arena verify %d')"
                           % (json.dumps(document["verification"]["transcript_root"]), run_id)))
    incidents = browser.evaluate("[...document.querySelectorAll('#incidents-list li.incident')].map(li => li.dataset.kind)")
    check("the liquidation contest's crash liquidated an all-in team", bool(liquidations))
    check("replay: its liquidations are listed", incidents.count("liquidation") == len(liquidations) > 0, incidents)
    before = browser.evaluate("document.getElementById('tick').value")
    browser.evaluate("document.getElementById('tick').focus()")
    browser.key("ArrowRight", "ArrowRight", 39)
    browser.pump(0.2)
    after = browser.evaluate("document.getElementById('tick').value")
    check("replay: the tick slider moves with the keyboard", after == str(int(before) + 1), (before, after))
    browser.evaluate("document.getElementById('tick').value = '0'; document.getElementById('tick').dispatchEvent(new Event('input'))")
    browser.evaluate("document.getElementById('play').focus()")
    browser.key("Enter", "Enter", 13, "\r")
    browser.pump(1.0)
    playing = browser.evaluate("document.getElementById('tick').value")
    browser.key("Enter", "Enter", 13, "\r")
    check("replay: play/pause works from the keyboard", int(playing) > 0, playing)
    browser.evaluate("document.getElementById('tick').value = String(%d); document.getElementById('tick').dispatchEvent(new Event('input'))"
                     % document["ticks"].index(fill_tick))
    browser.pump(0.3)
    shot(browser, "06-replay")
    browser.viewport(390, 844, mobile=True)
    browser.pump(0.5)
    shot(browser, "06-replay-phone")
    browser.viewport(1280, 900)

    problems = [e for e in browser.log if "Content Security Policy" in e or "Refused" in e]
    check("no CSP violations and no script errors on any page", not problems and not browser.exceptions,
          (problems, browser.exceptions))
    check("XSS: no JavaScript dialog opened on any page", not browser.dialogs, browser.dialogs)

    # Publication makes replays public; the published page reads without JavaScript.
    status, body = api("POST", "/v1/admin/contests/%s/publish" % CONTEST, token=ORGANIZER)
    check("publish", status in (200, 202), (status, body))
    deadline = time.time() + 120
    while time.time() < deadline and api("GET", "/v1/runs/%d/replay" % run_id)[0] != 200:
        time.sleep(1)
    browser.scripts_enabled(False)
    browser.navigate(BASE + "/runs/%d" % run_id)
    html = browser.call("DOM.getOuterHTML", {"nodeId": browser.call("DOM.getDocument", session=True)["root"]["nodeId"]},
                        session=True)["outerHTML"]
    check("published replay page without JavaScript: results and verification",
          "✔ verified" in html and "arena verify %d" % run_id in html
          and all(escape(t["label"], quote=False) in html for t in document["teams"]),
          [t["label"] for t in document["teams"] if escape(t["label"], quote=False) not in html])
    check("XSS: the hostile name is escaped in the server-rendered replay", "<img src=x" not in html.replace("&lt;img", ""))
    shot(browser, "07-replay-published-nojs")
    browser.navigate(BASE + "/contests/%s/leaderboard" % CONTEST)
    html = browser.call("DOM.getOuterHTML", {"nodeId": browser.call("DOM.getDocument", session=True)["root"]["nodeId"]},
                        session=True)["outerHTML"]
    check("leaderboard without JavaScript: server-rendered rows", html.count("<tr data-team=") >= len(DEMO_TEAMS) + 2)
    browser.scripts_enabled(True)
    check("XSS: still no dialog after publication", not browser.dialogs, browser.dialogs)


if __name__ == "__main__":
    main()
    sys.exit(0)
