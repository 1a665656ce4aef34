// Drag and drop on the horizon and kanban boards. Each drop saves at once with the card's version;
// if someone else changed the card meanwhile the server answers 409, the card goes back where it
// really is, and the page says so: a conflicting edit is never overwritten.
(function () {
  const board = document.querySelector("[data-board]");
  if (!board || board.dataset.editable !== "true" || typeof Sortable === "undefined") return;
  const kind = board.dataset.board; // "horizon" or "stage"
  const errorBox = document.querySelector(".rm-move-error");
  const okBox = document.querySelector(".rm-move-ok");

  function say(box, other, text) {
    other.hidden = true;
    box.textContent = text;
    box.hidden = false;
  }

  function count(column) {
    const badge = column.closest(".rm-column").querySelector(".count");
    if (badge) badge.textContent = column.querySelectorAll(".rm-card").length;
  }

  board.querySelectorAll(".rm-drop").forEach((column) => {
    Sortable.create(column, {
      group: "roadmap-" + kind,
      sort: false,
      animation: 120,
      // pointer events rather than native drag and drop: behaves the same with mouse, touch and pen
      forceFallback: true,
      fallbackOnBody: true,
      draggable: ".rm-card",
      onEnd: async (event) => {
        if (event.from === event.to) return;
        const card = event.item;
        const target = event.to.dataset.column;
        const body = new URLSearchParams({ [kind]: target, version: card.dataset.version });
        let response;
        try {
          response = await fetch(board.dataset.base + "/initiatives/" + card.dataset.id + "/" + kind, {
            method: "POST",
            headers: { "X-CSRF-TOKEN": board.dataset.csrf, "Content-Type": "application/x-www-form-urlencoded" },
            body: body,
          });
        } catch (e) {
          event.from.appendChild(card);
          say(errorBox, okBox, "The move could not be saved: the server did not answer. Nothing was changed.");
          return;
        }
        const result = await response.json().catch(() => ({ message: "The move could not be saved." }));
        if (response.ok) {
          card.dataset.version = result.version;
          say(okBox, errorBox, result.message);
        } else {
          // put the card where the server says it is now
          const home = result[kind] && board.querySelector('.rm-drop[data-column="' + result[kind] + '"]');
          (home || event.from).appendChild(card);
          if (result.version >= 0) card.dataset.version = result.version;
          say(errorBox, okBox, result.message || "The move could not be saved.");
        }
        count(event.from);
        count(event.to);
        if (card.parentElement !== event.to) count(card.parentElement);
      },
    });
  });
})();
