extension WebAssets {
    /// `leaderboard.js`: follows `/v1/contests/{id}/leaderboard/stream` (server-sent events) and
    /// redraws the rows. Text goes in with `textContent` only (never `innerHTML`).
    static let leaderboardScript = #"""
        "use strict";
        (function () {
          const table = document.getElementById("board");
          if (!table || !window.EventSource) return;
          const contest = table.dataset.contest;
          const live = document.getElementById("live");
          const state = document.getElementById("board-state");
          const body = table.tBodies[0];
          const caption = table.caption;
          let previous = new Map();
          // Integrity review notes rendered by the server (published contests): kept across redraws.
          const reviews = new Map();
          for (const row of body.rows) {
            if (row.dataset.team) previous.set(row.dataset.team, row.textContent);
            if (row.dataset.team && row.dataset.review) reviews.set(row.dataset.team, row.dataset.review);
          }
          function cell(tr, text, kind) {
            const td = document.createElement("td");
            td.className = kind || "text";
            if (text instanceof Node) td.appendChild(text); else td.textContent = text;
            tr.appendChild(td);
            return td;
          }
          function link(href, text) {
            const a = document.createElement("a");
            a.href = href;
            a.textContent = text;
            return a;
          }
          function statusText(row) {
            let text;
            if (row.status === "disqualified") text = "disqualified";
            else if (row.status === "scored") text = row.fault ? "scored, faulted (" + row.fault + ")" : "scored";
            else text = row.fault ? "faulted (" + row.fault + ")" : "no valid score";
            const review = reviews.get(String(row.team_id));
            return review ? text + "; " + review : text;
          }
          function render(board) {
            const rows = document.createDocumentFragment();
            const seen = new Map();
            for (const row of board.rows) {
              const tr = document.createElement("tr");
              tr.dataset.team = String(row.team_id);
              cell(tr, String(row.rank), "num");
              cell(tr, link("/contests/" + encodeURIComponent(contest) + "/teams/" + encodeURIComponent(row.team_id), row.team));
              let score = row.score == null ? "—" : row.score;
              if (row.score != null && row.score_ci95 != null) score += " ± " + row.score_ci95;
              cell(tr, score, "num");
              cell(tr, row.pnl, "num");
              cell(tr, row.max_drawdown, "num");
              cell(tr, String(row.trades), "num");
              const review = reviews.get(String(row.team_id));
              if (review) tr.dataset.review = review;
              cell(tr, statusText(row), "text status-" + String(row.status).replace(/[^a-z_]/g, "") + (review ? " status-review" : ""));
              const code = document.createElement("code");
              code.title = row.submission_sha256;
              code.textContent = String(row.submission_sha256).slice(0, 12);
              cell(tr, code);
              const runs = cell(tr, "", "text runs");
              for (const run of row.runs || []) {
                runs.appendChild(link("/runs/" + encodeURIComponent(run.run_id), "r" + (run.round + 1) + "·h" + (run.heat + 1)));
                runs.appendChild(document.createTextNode(" "));
              }
              const key = tr.dataset.team;
              seen.set(key, tr.textContent);
              if (previous.has(key) && previous.get(key) !== tr.textContent || previous.size && !previous.has(key)) {
                tr.className = "changed";
              }
              rows.appendChild(tr);
            }
            if (!board.rows.length) {
              const tr = document.createElement("tr");
              const td = cell(tr, "No ranked entries yet.");
              td.colSpan = 9;
              rows.appendChild(tr);
            }
            body.replaceChildren(rows);
            previous = seen;
            caption.textContent = board.total + " teams";
            let text = board.state;
            if (board.evaluation_id != null) text += " · evaluation " + board.evaluation_id;
            if (board.updated_at) text += " · updated " + board.updated_at;
            state.textContent = text;
            table.dataset.evaluation = board.evaluation_id == null ? "" : String(board.evaluation_id);
          }
          let source = null;
          function connect() {
            source = new EventSource("/v1/contests/" + encodeURIComponent(contest) + "/leaderboard/stream");
            source.addEventListener("open", function () { live.textContent = "live"; });
            source.addEventListener("leaderboard", function (event) {
              try { render(JSON.parse(event.data)); live.textContent = "live · " + new Date().toLocaleTimeString(); }
              catch (e) { live.textContent = "update failed"; }
            });
            source.addEventListener("error", function () { live.textContent = "reconnecting…"; });
          }
          connect();
        })();
        """#
}
