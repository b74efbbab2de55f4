// The board for the projector (public information only) and, with #key=... in the address, the
// teacher's controls. No library and no outside request; the QR code is made by the host.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const key = new URLSearchParams(location.hash.slice(1)).get("key");
  let ws = null, seq = Number(sessionStorage.getItem("testament.teacher.seq") || 0), deadline = null, ends = false, retry = 500;

  function el(tag, text, cls) { const n = document.createElement(tag); if (text !== undefined) n.textContent = text; if (cls) n.className = cls; return n; }
  function rows(id, data) {
    $(id).replaceChildren(...data.map((cells) => { const tr = el("tr"); for (const c of cells) tr.append(c instanceof Node ? cell(c) : el("td", String(c))); return tr; }));
  }
  function cell(node) { const td = el("td"); td.append(node); return td; }
  function list(id, items) { $(id).replaceChildren(...items.map((t) => el("li", t))); }
  function toast(text) { const t = $("toast"); t.textContent = text; t.hidden = !text; if (text) setTimeout(() => { t.hidden = true; }, 6000); }

  function control(name, extra) {
    seq += 1; sessionStorage.setItem("testament.teacher.seq", String(seq));
    ws.send(JSON.stringify(Object.assign({ v: 1, type: "control", seq: seq, control: name }, extra || {})));
  }

  function connect() {
    ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws");
    ws.onopen = () => { retry = 500; ws.send(JSON.stringify(key ? { v: 1, type: "teacher", key: key } : { v: 1, type: "watch" })); };
    ws.onmessage = (e) => receive(JSON.parse(e.data));
    ws.onclose = () => { $("status").textContent = "Connection lost - reconnecting..."; setTimeout(connect, retry); retry = Math.min(retry * 2, 8000); };
  }

  function receive(msg) {
    if (msg.type === "error") { if (msg.code === "replayed") { seq = Number(msg.text.match(/last was (\d+)/)?.[1] || seq); } toast(msg.text); return; }
    if (msg.type === "welcome") { $("teacher").hidden = !msg.teacher; return; }
    if (msg.type !== "board") return;
    const g = msg.game, b = msg.board;
    document.body.dataset.state = g.over ? "over" : msg.paused ? "paused" : "playing";
    $("code").textContent = msg.room;
    const address = msg.join ? msg.join.split("#")[0] : location.origin + "/";
    $("address").textContent = address;
    if (!$("qr").firstChild) { const img = el("img"); img.src = "/qr.svg"; img.alt = "QR code of " + address; $("qr").append(img); }
    $("when").textContent = g.date + " - turn " + (g.turn + 1) + " of " + (g.last_turn + 1) + " - " + g.phase + (g.preset ? " - " + g.preset : "");
    $("status").textContent = g.over ? "The game is over" + (g.winner ? ": " + g.winner + " won" : "") : msg.paused ? "Paused" : "Now: " + (g.mover_name || "-");
    $("paused").hidden = !msg.paused;
    deadline = msg.timer.left === null ? null : Date.now() + msg.timer.left * 1000;
    ends = msg.timer.ends_turn;
    $("teams").replaceChildren(...msg.teams.map((t) => el("span", t.short + ": " + t.says + " (" + t.online + "/" + t.devices + " online)", t.status)));
    const named = (status) => msg.teams.filter((t) => t.status === status).map((t) => t.short).join(", ");
    const round = [];
    if (g.order.length) round.push("Order this turn: " + g.order.join(", "));
    if (named("ready")) round.push("Ready: " + named("ready"));
    if (named("acting") || named("choosing")) round.push("Waiting for: " + [named("acting"), named("choosing")].filter(Boolean).join(", "));
    $("round").replaceChildren(...round.map((line) => el("div", line)));
    const poll = msg.polls.length ? msg.polls[msg.polls.length - 1] : null;
    $("poll").replaceChildren(...(poll ? [el("b", "Class vote" + (poll.open ? " (open): " : " (closed): ") + poll.subject),
      el("div", Object.entries(poll.counts).map(([o, n]) => o + " " + n).join(" - "))] : []));
    rows("factions", [["", "Faction", "Prestige", "Heat", "Standing"], ...b.factions.map((f) => {
      const s = el("span", "", "swatch"); s.style.background = f.colour; return [s, f.short + (f.team ? "" : " (computer)"), f.prestige, f.heat, f.rung]; })]);
    rows("offices", b.offices.map((o) => [o.office, o.holder]));
    rows("policies", b.policies.map((p) => [p.axis, p.position]));
    list("agenda", b.agenda.length ? b.agenda : ["Nothing yet."]);
    list("votes", b.votes.slice().reverse());
    list("chronicle", b.chronicle);
    if (msg.devices) drawTeacher(msg);
  }

  function drawTeacher(msg) {
    const teams = msg.teams;
    $("devices").replaceChildren(...msg.devices.map((d) => {
      const tr = el("tr");
      tr.append(el("td", d.id), el("td", d.name), el("td", d.connected ? "online" : "offline"));
      const swap = el("select");
      for (const t of teams) { const o = el("option", t.short); o.value = t.id; o.selected = t.id === d.faction; swap.append(o); }
      swap.addEventListener("change", () => control("swap", { device: d.id, faction: swap.value }));
      const kick = el("button", d.kicked ? "Re-admit" : "Kick");
      kick.type = "button";
      kick.addEventListener("click", () => control(d.kicked ? "readmit" : "kick", { device: d.id }));
      tr.append(cell(swap), cell(kick));
      return tr;
    }));
    const menu = msg.menu;
    fill("events", menu.events.map((e) => [e.id, e.title]), "No event can happen now");
    fill("down", menu.recover.map((f) => [f.id, f.short]), "No faction is wiped out");
    $("undoturn").disabled = !menu.undo_turn;
    if (document.activeElement !== $("minutes")) $("minutes").value = menu.timer;
    list("record", msg.record.slice().reverse().map((r) => r.date + " - " + r.name + " (" + (r.faction || "teacher") + "): " + r.did));
  }

  function fill(id, pairs, none) {
    const select = $(id), keep = select.value;
    select.replaceChildren(...(pairs.length ? pairs : [["", none]]).map(([value, text]) => { const o = el("option", text); o.value = value; return o; }));
    if (pairs.some(([value]) => value === keep)) select.value = keep;
    select.disabled = !pairs.length;
    select.form.querySelector("button").disabled = !pairs.length;
  }

  function tick() {
    const t = $("timer");
    t.hidden = deadline === null;
    if (deadline === null) return;
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    t.textContent = left > 0 ? "Turn timer " + Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0")
      : "Time is up" + (ends ? ": each team's turn ends at its place in the round" : "");
    t.classList.toggle("up", left === 0);
  }

  for (const b of document.querySelectorAll("[data-control]")) b.addEventListener("click", () => control(b.dataset.control));
  $("voteform").addEventListener("submit", (e) => {
    e.preventDefault();
    const options = $("voteoptions").value.split(",").map((s) => s.trim()).filter(Boolean).slice(0, 8);
    const extra = {}; if ($("subject").value.trim()) extra.subject = $("subject").value.trim(); if (options.length) extra.options = options;
    control("open_vote", extra);
  });
  $("injectform").addEventListener("submit", (e) => { e.preventDefault(); if ($("events").value) control("inject", { event: $("events").value }); });
  $("recoverform").addEventListener("submit", (e) => { e.preventDefault(); if ($("down").value) control("recover", { faction: $("down").value }); });
  $("timerform").addEventListener("submit", (e) => { e.preventDefault(); control("timer", { minutes: Number($("minutes").value || 0) }); });
  $("undoturn").addEventListener("click", () => { if (confirm("Undo the last whole turn for every team?")) control("undo_turn"); });
  setInterval(tick, 1000);
  connect();
})();
