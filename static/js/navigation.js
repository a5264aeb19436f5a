// On narrow screens the header menu folds away behind a button, so the page starts in the first screen.
// Without this script the button stays hidden and every link stays visible (progressive enhancement).
(() => {
  "use strict";

  const header = document.querySelector(".site-header");
  const button = header?.querySelector(".site-header__toggle");
  const menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) {
    return;
  }

  const isOpen = () => button.getAttribute("aria-expanded") === "true";
  const setOpen = (open) => {
    button.setAttribute("aria-expanded", String(open));
    header.dataset.menu = open ? "open" : "closed";
  };
  // The stylesheet hides the button on wide screens, where the menu is always shown.
  const buttonIsShown = () => button.getClientRects().length > 0;

  setOpen(false);
  button.hidden = false;

  button.addEventListener("click", () => setOpen(!isOpen()));

  header.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !isOpen() || !buttonIsShown()) {
      return;
    }
    event.preventDefault();
    setOpen(false);
    button.focus();
  });
})();
