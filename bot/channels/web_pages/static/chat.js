// The chat: sends what the person types or taps, shows the replies as text (never as HTML),
// with links made clickable, buttons as buttons and the route picture as an image.
(() => {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const conversation = document.getElementById("conversation");
  const form = document.getElementById("ask");
  const box = document.getElementById("message");
  const error = document.getElementById("error");
  const link = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)])/g;

  function textWithLinks(text) {
    const p = document.createElement("p");
    p.className = "text";
    let last = 0;
    for (const match of text.matchAll(link)) {
      p.append(text.slice(last, match.index));
      const a = document.createElement("a");
      a.href = match[0];
      a.textContent = match[0];
      a.rel = "noopener";
      a.target = "_blank";
      p.append(a);
      last = match.index + match[0].length;
    }
    p.append(text.slice(last));
    return p;
  }

  // who said each message, for screen readers (the layout shows it to everyone else)
  function speaker(name) {
    const cue = document.createElement("span");
    cue.className = "visually-hidden";
    cue.textContent = name + " said:";
    return cue;
  }

  function show(reply) {
    const item = document.createElement("li");
    item.className = "bot";
    item.append(speaker("CarePath"), textWithLinks(reply.text));
    if (reply.image) {
      const img = document.createElement("img");
      img.src = reply.image;
      // the picture says the route: its heading and steps, as the text does
      img.alt = "Route picture. " + reply.text.split("\n\n").slice(0, 2).join(" ");
      item.append(img);
    }
    if (reply.buttons.length) {
      const row = document.createElement("div");
      row.className = "buttons";
      for (const b of reply.buttons) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "choice";
        button.dataset.payload = b.payload;
        button.textContent = b.label;
        row.append(button);
      }
      item.append(row);
    }
    conversation.append(item);
    return item;
  }

  function said(text) {
    const item = document.createElement("li");
    item.className = "you";
    const p = document.createElement("p");
    p.className = "text";
    p.textContent = text;
    item.append(speaker("You"), p);
    conversation.append(item);
  }

  const sendButton = form.querySelector("button[type=submit]");
  let busy = false;

  function failed(text) {
    error.textContent = text || "Something went wrong. Please try again.";
    error.hidden = false;
  }

  async function send(message, echo) {
    if (busy) return; // a double tap sends once
    busy = true;
    sendButton.disabled = true;
    conversation.setAttribute("aria-busy", "true");
    error.hidden = true;
    said(echo);
    let data;
    try {
      const response = await fetch("/send", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify(message),
        credentials: "same-origin",
      });
      data = await response.json().catch(() => ({ error: null }));
      if (!response.ok || data.error) data = { error: data.error || "" };
    } catch (_) {
      data = { error: "I couldn't reach CarePath. Check your connection and try again." };
    } finally {
      busy = false;
      sendButton.disabled = false;
      conversation.removeAttribute("aria-busy");
    }
    if (data.error !== undefined) {
      failed(data.error);
      return;
    }
    let first = null;
    for (const reply of data.replies) {
      const item = show(reply);
      first = first || item;
    }
    if (first) first.scrollIntoView({ block: "start" });
    box.focus({ preventScroll: true });
  }

  // existing replies: links clickable
  for (const p of conversation.querySelectorAll("li.bot > p.text")) {
    p.replaceWith(textWithLinks(p.textContent));
  }
  conversation.addEventListener("click", (event) => {
    const button = event.target.closest("button.choice");
    if (button) send({ button: button.dataset.payload }, button.textContent);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = box.value.trim();
    if (!text) return;
    box.value = "";
    send({ text }, text);
  });
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
})();
