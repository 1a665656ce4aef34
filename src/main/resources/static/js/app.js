// Small progressive enhancements; every page works without them.
document.addEventListener("change", (event) => {
  const el = event.target;
  if (el.matches("select[data-autosubmit]")) {
    el.form.requestSubmit();
  }
});

// Close the user menu when clicking elsewhere or pressing Escape.
document.addEventListener("click", (event) => {
  document.querySelectorAll("details.user-menu[open]").forEach((menu) => {
    if (!menu.contains(event.target)) menu.removeAttribute("open");
  });
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") {
    document.querySelectorAll("details.user-menu[open]").forEach((menu) => {
      menu.removeAttribute("open");
      menu.querySelector("summary").focus();
    });
  }
});

// Copy buttons for secrets shown once (invitation links, API tokens).
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  try {
    await navigator.clipboard.writeText(source.value || source.textContent);
    button.textContent = "Copied";
  } catch (e) {
    source.select && source.select();
  }
});

// On narrow screens the navigation is a row of tabs that scrolls sideways: bring the current one into view,
// on load and whenever the screen becomes narrow (a window resized, a tablet turned).
const narrow = window.matchMedia("(max-width: 860px)");
function showCurrentTab() {
  const current = document.querySelector('.sidebar a[aria-current="page"]');
  if (current && narrow.matches) {
    const row = current.closest("ul");
    row.scrollLeft = current.offsetLeft - row.offsetLeft - (row.clientWidth - current.offsetWidth) / 2;
  }
}
showCurrentTab();
narrow.addEventListener("change", showCurrentTab);

// After a form comes back with errors, put the cursor in the first field to fix: keyboard and screen reader
// users land on the problem (its message is tied to the field) instead of at the top of the page.
const firstInvalid = document.querySelector('main [aria-invalid="true"]');
if (firstInvalid) {
  firstInvalid.focus();
}
