// A team's page: join with the room code, then draw what the host sends (docs/NETWORK.md).
// No library and no outside request; the token and the message number live in local storage, so a
// reload or a closed lid comes back to the same device. body[data-state] says where the page is
// (connecting, join, waiting, choose, chosen, done, paused, over, kicked), for people and for tests;
// data-odds whether its motions' odds have come (they follow the page in an `odds` message).
// In rounds every team that has not ended its turn may choose its next action at once: the host
// plays the choices one at a time in the turn's order, so the page says whether it may choose now,
// what it chose (it can take it back until its place comes) and why a choice could not be made.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const store = window.localStorage;
  let ws = null, last = null, deadline = null, retry = 500;
  const opened = {};  // group title -> open or closed, kept across redraws

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v; else if (k.startsWith("data-")) node.setAttribute(k, v); else node[k] = v;
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  function state(name) { document.body.dataset.state = name; }

  function toast(text) {
    const t = $("toast");
    t.textContent = text; t.hidden = !text;
    if (text) setTimeout(() => { if (t.textContent === text) t.hidden = true; }, 6000);
  }

  function send(type, fields) {
    if (!ws || ws.readyState !== WebSocket.OPEN) { toast("Not connected - reconnecting..."); return; }
    const seq = Number(store.getItem("testament.seq") || 0) + 1;
    store.setItem("testament.seq", String(seq));
    ws.send(JSON.stringify(Object.assign({ v: 1, type: type, seq: seq }, fields)));
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    ws = new WebSocket(scheme + location.host + "/ws");
    ws.onopen = () => {
      retry = 500;
      const token = store.getItem("testament.token");
      if (token) ws.send(JSON.stringify({ v: 1, type: "rejoin", token: token })); else showJoin();
    };
    ws.onmessage = (event) => receive(JSON.parse(event.data));
    ws.onclose = () => {
      if (document.body.dataset.state === "kicked") return;
      $("status").textContent = "Connection lost - reconnecting...";
      setTimeout(connect, retry); retry = Math.min(retry * 2, 8000);
    };
  }

  async function showJoin() {
    state("join"); $("join").hidden = false; $("play").hidden = true;
    $("status").textContent = "Type the room code from the board";
    const hash = new URLSearchParams(location.hash.slice(1));
    if (hash.get("room")) $("room").value = hash.get("room");
    const select = $("faction");
    if (!select.options.length) {
      const teams = await (await fetch("/teams")).json();
      for (const t of teams) select.append(el("option", { value: t.id, textContent: t.short }));
    }
    if (hash.get("team")) select.value = hash.get("team");
    if (hash.get("name")) $("name").value = hash.get("name");
    if (hash.get("room") && hash.get("team")) join();
  }

  function join() {
    ws.send(JSON.stringify({ v: 1, type: "join", room: $("room").value.trim().toUpperCase(),
      faction: $("faction").value, name: $("name").value.trim() }));
  }

  function receive(msg) {
    if (msg.type === "welcome") {
      store.setItem("testament.token", msg.token);
      store.setItem("testament.seq", String(Math.max(msg.seq, Number(store.getItem("testament.seq") || 0))));
      $("join").hidden = true; $("play").hidden = false;
      $("status").textContent = "Joined as " + msg.name;
    } else if (msg.type === "page") {
      last = msg;
      deadline = msg.timer.left === null ? null : Date.now() + msg.timer.left * 1000;  // not again when the odds come
      draw(msg);
    } else if (msg.type === "odds") {
      addOdds(msg);
    } else if (msg.type === "error") {
      if (msg.code === "unknown_token") { store.removeItem("testament.token"); showJoin(); }
      if (msg.code === "kicked") { state("kicked"); $("play").hidden = true; $("status").textContent = "Taken out of the game by the teacher: reload this page once re-admitted"; }
      if (msg.code !== "stale") toast(msg.text);
    }
  }

  function draw(msg) {
    const page = msg.page, game = msg.game;
    $("team").textContent = page.name;
    $("top").style.background = page.colour;
    $("when").textContent = game.date + " - turn " + (game.turn + 1) + " of " + (game.last_turn + 1) + " - " + game.phase;
    $("paused").hidden = !msg.paused;
    const you = msg.you, mover = you.waiting_for || "nobody";
    const where = game.over ? "over" : msg.paused ? "paused" : you.chosen ? "chosen"
      : you.may_act ? "choose" : you.status === "done" ? "done" : "waiting";
    $("status").textContent = {
      over: "The game is over" + (game.winner ? ": " + game.winner + " won" : ""),
      paused: "Paused",
      chosen: "Your choice is in - " + (you.status === "acting" ? "being played" : "waiting for its place"),
      choose: you.status === "acting" ? "Your move: the round waits for you" : "Choose your next action",
      done: "Turn ended - waiting for the others",
      waiting: "Waiting for " + mover,
    }[where];
    state(where);
    document.body.dataset.at = msg.at;
    document.body.dataset.odds = page.odds_ready ? "ready" : "pending";
    tick();

    const n = page.numbers;
    $("numbers").replaceChildren(...[["Influence", n.influence], ["Action points", n.ap], ["Heat", n.heat],
      ["Prestige", n.prestige], ["Credibility", n.credibility], ["Standing", n.rung]]
      .map(([k, v]) => el("div", {}, el("b", { textContent: String(v) }), k)));
    $("teams").replaceChildren(...msg.teams.map((t) => el("span", { class: t.status, textContent: t.short + ": " + t.says })));
    drawPoll(msg.poll);

    $("dropped").hidden = !you.dropped || !!you.chosen;
    $("dropped").textContent = "Your last choice could not be made (" + (you.dropped || "") + "). Choose again.";
    $("chosen").hidden = !you.chosen || game.over;
    const picked = you.chosen_action ? JSON.stringify(you.chosen_action) : null;
    const option = picked && page.groups.flatMap((g) => g.options).find((o) => JSON.stringify(o.action) === picked);
    $("chosen").replaceChildren(el("b", { textContent: "Your choice: " + (option ? option.label : you.chosen || "") }),
      el("div", { textContent: "It is played at your team's place in the round" +
        (game.order.length ? " (the order this turn: " + game.order.join(", ") + ")" : "") +
        ". Choosing again replaces it." }));
    $("waiting").hidden = you.may_act || game.over;
    $("waiting").textContent = where === "done"
      ? "Your team has ended its turn in this phase. Read your hand, your offers and the inbox while the others finish."
      : "Waiting for " + mover + ". Read your hand, your offers and the inbox; your choices appear here when you may act.";
    $("groups").replaceChildren(...page.groups.map((g, i) => group(g, i, msg, picked)));
    $("undo").hidden = !you.chosen;
    list("hand", page.hand.map((c) => el("li", {}, el("b", { textContent: c.title + " (" + c.value + ", " + c.owner + ")" }),
      el("div", { textContent: c.text }), el("div", { textContent: "Effect: " + c.effect }))));
    list("pacts", page.pacts.length ? page.pacts : ["No pacts or offers."]);
    list("inbox", page.inbox.length ? page.inbox.map((l) => l.tag + ": " + l.text) : ["Nothing new."]);
    list("votes", page.votes.length ? page.votes.slice().reverse() : ["No votes yet."]);
    list("chronicle", page.chronicle);
  }

  // The motions' odds for the page already drawn (they follow it once worked out on the host).
  function addOdds(msg) {
    if (!last || last.at !== msg.at || last.page.faction !== msg.faction) return;
    for (const o of last.page.groups.flatMap((g) => g.options)) {
      if (o.odds !== undefined && msg.odds[o.odds] !== undefined) o.preview = o.preview.replace(msg.pending, msg.odds[o.odds]);
    }
    last.page.odds_ready = true;
    draw(last);
  }

  function group(g, i, msg, picked) {
    const open = g.title in opened ? opened[g.title] : i < 2 || g.title.startsWith("Decide");
    const box = el("details", { open: open }, el("summary", { textContent: g.title + " (" + g.options.length + ")" }));
    box.addEventListener("toggle", () => { opened[g.title] = box.open; });
    if (g.text) box.append(el("p", { class: "eventtext", textContent: g.text }));
    for (const o of g.options) {
      const button = el("button", { type: "button", class: JSON.stringify(o.action) === picked ? "option picked" : "option", disabled: !o.ok || msg.paused, "data-type": o.action.type },
        el("span", { class: "cost", textContent: o.cost }), el("span", { class: "label", textContent: o.label }),
        o.preview ? el("span", { class: "preview", textContent: o.preview }) : null,
        o.ok ? null : el("span", { class: "why", textContent: o.why }));
      button.addEventListener("click", () => { button.disabled = true; send("act", { at: msg.at, action: o.action }); });
      box.append(button);
    }
    return box;
  }

  function drawPoll(poll) {
    const box = $("poll");
    box.hidden = !poll;
    if (!poll) return;
    box.replaceChildren(el("b", { textContent: "Class vote: " + poll.subject }), el("div", { class: "poll" },
      ...poll.options.map((o) => {
        const b = el("button", { type: "button", disabled: !!poll.voted, textContent: (poll.voted === o ? "✔ " : "") + o });
        b.addEventListener("click", () => send("vote", { poll: poll.id, option: o }));
        return b;
      })));
  }

  function list(id, items) {
    $(id).replaceChildren(...items.map((x) => (typeof x === "string" ? el("li", { textContent: x }) : x)));
  }

  function tick() {
    const t = $("timer");
    if (deadline === null || (last && last.paused)) { t.hidden = deadline === null; return; }
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    t.hidden = false;
    t.textContent = left > 0 ? "Turn timer " + Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0")
      : "Time is up" + (last && last.timer.ends_turn ? ": your turn ends at your place in the round" : "");
    t.classList.toggle("late", left < 30);
    t.classList.toggle("up", left === 0);
  }

  $("joinform").addEventListener("submit", (e) => { e.preventDefault(); join(); });
  $("undo").addEventListener("click", () => last && send("undo", { at: last.at }));
  setInterval(tick, 1000);
  connect();
})();
