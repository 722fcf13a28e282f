extension WebAssets {
    /// `site.css`: one stylesheet for every page (light and dark, phone to desktop).
    static let style = #"""
        :root { --bg: #f7f7f5; --fg: #1b1d21; --muted: #5b6170; --card: #fff; --line: #d9dbe0; --accent: #1f5fbf;
          --up: #17803d; --down: #c0392b; --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
        @media (prefers-color-scheme: dark) { :root { --bg: #14161a; --fg: #e8e9ec; --muted: #a0a6b3; --card: #1d2026;
          --line: #33373f; --accent: #7fb0ff; --up: #4cc47a; --down: #ff7a6b; } }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--fg); }
        a { color: var(--accent); }
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        header.site { display: flex; gap: 1rem; align-items: baseline; padding: .75rem 1rem; border-bottom: 1px solid var(--line); background: var(--card); }
        header.site .brand { font-weight: 700; text-decoration: none; color: var(--fg); }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
        footer.site { max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: var(--muted); font-size: .875rem; }
        h1 { font-size: 1.6rem; margin: .5rem 0 1rem; overflow-wrap: anywhere; }
        h1 .sub { font-weight: 400; color: var(--muted); font-size: 1.1rem; }
        h2 { font-size: 1.2rem; margin-top: 1.75rem; }
        .lead { font-size: 1.1rem; color: var(--muted); }
        .meta, .note, .crumbs { color: var(--muted); font-size: .9rem; }
        code, .mono { font-family: var(--mono); font-size: .875em; }
        code.hash { overflow-wrap: anywhere; }
        pre { background: var(--card); border: 1px solid var(--line); padding: .75rem; overflow-x: auto; border-radius: 6px; }
        .cards { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
        .card h2 { margin: 0 0 .5rem; }
        .button { display: inline-block; padding: .4rem .9rem; border-radius: 6px; background: var(--accent); color: #fff; text-decoration: none; }
        dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .5rem 1rem; margin: 0; }
        dl.facts div { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; min-width: 0; }
        dt { color: var(--muted); font-size: .8rem; } dd { margin: 0; overflow-wrap: anywhere; }
        .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
        table { border-collapse: collapse; width: 100%; background: var(--card); font-size: .92rem; }
        caption { text-align: left; color: var(--muted); padding: .25rem 0; }
        th, td { padding: .4rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tbody tr:hover { background: rgba(127,127,127,.08); }
        td.runs a { white-space: nowrap; }
        .status-disqualified, .status-review, .bad, .alert { color: var(--down); }
        .ok { color: var(--up); }
        tr.changed { animation: flash 1.2s ease-out; }
        @keyframes flash { from { background: rgba(31,95,191,.25); } to { background: transparent; } }
        @media (prefers-reduced-motion: reduce) { tr.changed { animation: none; } }
        svg.bars { width: 100%; max-width: 40rem; height: 9rem; } svg .label { fill: var(--muted); font-size: 11px; }
        svg .value { fill: var(--fg); font-size: 11px; font-variant-numeric: tabular-nums; }
        svg .axis { stroke: var(--line); } svg rect.up { fill: var(--up); } svg rect.down { fill: var(--down); }
        .static-chart svg { width: 100%; height: 10rem; background: var(--card); border: 1px solid var(--line); }
        .static-chart polyline { fill: none; stroke: var(--accent); stroke-width: 1.5; }
        figcaption { color: var(--muted); font-size: .85rem; }
        .viewer { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .75rem; }
        .viewer canvas { width: 100%; display: block; border: 1px solid var(--line); border-radius: 4px; background: var(--bg); }
        .viewer canvas.price { height: 18rem; } .viewer canvas.equity { height: 12rem; margin-top: .5rem; }
        .controls { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0; }
        .controls input[type=range] { flex: 1 1 12rem; min-width: 8rem; }
        button, select, input { font: inherit; padding: .3rem .6rem; border-radius: 6px; border: 1px solid var(--line); background: var(--bg); color: var(--fg); }
        button { cursor: pointer; }
        .panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: .75rem; margin-top: .75rem; }
        .panel { max-height: 32rem; overflow-y: auto; }
        .panel h3 { font-size: 1rem; margin: .25rem 0; }
        .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem .9rem; font-size: .85rem; }
        .legend label { display: inline-flex; gap: .3rem; align-items: center; overflow-wrap: anywhere; }
        .swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; }
        .chart-key { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: .35rem 0 0; font-size: .8rem; color: var(--muted); }
        .chart-key .key { display: inline-flex; align-items: center; gap: .3rem; }
        .chart-key .sample { display: inline-block; width: 1.4rem; height: 0; border-top: 2px solid #1f5fbf; }
        .chart-key .key-index .sample { border-top: 1px dashed #999; } .chart-key .key-last .sample { border-top: 1px solid rgba(127,127,127,.45); }
        .chart-key .key-buy .sample, .chart-key .key-sell .sample { display: none; }
        .chart-key .key-liq .sample { width: 0; height: .9rem; border-top: 0; border-left: 1px dashed #c0392b; }
        .bid { color: var(--up); } .ask { color: var(--down); }
        .signin { margin-top: .75rem; } .signin input { width: min(28rem, 100%); }
        #verification li, #verification p, #verification dd { overflow-wrap: anywhere; }
        .actions a + a { margin-left: .75rem; }
        ul.events { max-height: 14rem; overflow-y: auto; padding-left: 1.2rem; font-size: .9rem; }
        @media (max-width: 40rem) { main { padding: .5rem; } h1 { font-size: 1.3rem; } th, td { padding: .3rem .4rem; }
          .viewer canvas.price { height: 14rem; } table { font-size: .85rem; }
          table.board th:nth-child(4), table.board td:nth-child(4), table.board th:nth-child(5),
          table.board td:nth-child(5), table.board th:nth-child(8), table.board td:nth-child(8) { display: none; } }
        """#
}
