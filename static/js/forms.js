/* Forms: focus the error summary after a failed submit, and filter long lists of checkboxes.
   Everything here is an enhancement: without JS the summary's links and the full checkbox lists still work. */
(function () {
  "use strict";

  // Pages may load this file from their own template as well as from the base layout: run once.
  if (window.samveiForms) {
    return;
  }
  window.samveiForms = true;

  function lower(text) {
    return text.toLocaleLowerCase().trim();
  }

  /* Without accents, so that «karasjok» finds «Kárášjohka» and «heroy» finds «Herøy». Only a query typed
     without accents is compared this way: «ås» should find Ås, not Askøy. */
  function fold(text) {
    return lower(text).normalize("NFD").replace(/\p{Diacritic}/gu, "").replace(/ø/g, "o").replace(/æ/g, "ae");
  }

  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }

  function filterableChoices(fieldset) {
    const filter = fieldset.querySelector("[data-choices-filter]");
    const query = fieldset.querySelector("[data-choices-query]");
    const shown = fieldset.querySelector("[data-choices-shown]");
    const count = fieldset.querySelector("[data-choices-count]");
    const choices = Array.from(fieldset.querySelectorAll("[data-choice]")).map(function (element) {
      const label = element.querySelector("label");
      const text = label ? label.textContent : "";
      return {element: element, box: element.querySelector("input"), text: lower(text), folded: fold(text)};
    });

    function updateCount() {
      const chosen = choices.filter(function (choice) { return choice.box.checked; }).length;
      // Bokmål and English both say one thing for 1 and another for every other number.
      const template = chosen === 1 ? count.dataset.one : count.dataset.other;
      count.textContent = fill(template, {counter: chosen});
    }

    function applyFilter() {
      const needle = lower(query.value);
      const plain = needle === fold(needle);
      let visible = 0;
      choices.forEach(function (choice) {
        // A chosen one never disappears: what will be saved stays in sight.
        const found = choice.text.includes(needle) || (plain && choice.folded.includes(needle));
        const match = !needle || choice.box.checked || found;
        choice.element.hidden = !match;
        visible += match ? 1 : 0;
      });
      shown.textContent = needle ? fill(shown.dataset.template, {shown: visible, total: choices.length}) : "";
    }

    query.addEventListener("input", applyFilter);
    query.addEventListener("keydown", function (event) {
      // Enter in the filter would submit the whole form half-filled.
      if (event.key === "Enter") {
        event.preventDefault();
      }
    });
    fieldset.addEventListener("change", function (event) {
      if (event.target.matches("[data-choice] input")) {
        updateCount();
      }
    });
    filter.hidden = false;
    updateCount();
  }

  /* Show a field the summary links to, even when a filter hid it, and bring its label into view. */
  function revealAndFocus(target) {
    const choice = target.closest("[data-choice]");
    if (choice && choice.hidden) {
      const query = choice.closest("[data-filterable-choices]").querySelector("[data-choices-query]");
      query.value = "";
      query.dispatchEvent(new Event("input"));
    }
    // An option of a group (Django names them «<group id>_<n>») is shown below the group's legend and error.
    const fieldset = target.closest("fieldset");
    const group = fieldset && fieldset.id && target.id.startsWith(fieldset.id + "_") ? fieldset : null;
    const label = document.querySelector('label[for="' + CSS.escape(target.id) + '"]');
    target.focus({preventScroll: true});
    target.scrollIntoView({block: "nearest"});
    ((group && group.querySelector("legend")) || label || target).scrollIntoView({block: "start"});
  }

  function errorSummary(summary) {
    summary.addEventListener("click", function (event) {
      const link = event.target.closest('a[href^="#"]');
      const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (target) {
        event.preventDefault();
        revealAndFocus(target);
      }
    });
  }

  document.querySelectorAll("[data-filterable-choices]").forEach(filterableChoices);
  document.querySelectorAll("[data-error-summary]").forEach(errorSummary);
  const summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();
