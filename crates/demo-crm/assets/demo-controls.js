// Brightdesk CRM demo controls. Not part of the CRM and not part of the panel: these buttons
// play the simulated Daktela world (ring agent1, answer, hang up, phone offline/online) through
// the simulator's control surface, so a person can try the panel without a real phone.
// A static file rather than an inline script, so the demo pages work under a strict CSP.
"use strict";
(function () {
  const bar = document.querySelector(".demo-controls");
  if (!bar) return;
  const base = bar.dataset.simBase;
  const agent = bar.dataset.agent;
  const queue = Number(bar.dataset.queue);
  const status = bar.querySelector(".demo-status");

  function say(text) {
    if (status) status.textContent = text;
  }

  async function control(path, body, done) {
    say(path + "…");
    try {
      const res = await fetch(base + "/__sim/" + path, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const reply = await res.json().catch(() => ({}));
      say(res.ok ? done : path + " refused (" + res.status + "): " + (reply.error || "no reason given"));
    } catch (err) {
      say(path + " failed: " + err);
    }
  }

  bar.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    switch (button.dataset.action) {
      case "ring":
        control("ring", { agent, from: button.dataset.from, queue }, "Ringing " + agent + " from " + button.dataset.from);
        break;
      case "answer":
        control("answer", { agent }, "Answered");
        break;
      case "hangup":
        control("hangup", { agent }, "Hung up");
        break;
      case "phone": {
        const online = button.dataset.online === "true";
        control("phone", { agent, online }, "Phone " + (online ? "online" : "offline"));
        break;
      }
    }
  });
})();
