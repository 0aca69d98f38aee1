/* mgdlearn: draw each concept check of the book with jupyterquiz (vendored in _static/jupyterquiz/),
 * then make it accessible: a named radio group, a label tied to the number box, and a live region
 * that announces the feedback. The questions come base64-encoded (UTF-8 JSON, jupyterquiz's format)
 * in data-questions; see book/quizzes.py. */
(function () {
  "use strict";

  function decode(b64) {
    const bytes = Uint8Array.from(window.atob(b64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder("utf-8").decode(bytes));
  }

  // The checker's "49.9 nmol/L is right." echoes the number typed: fill it in (Python's "{x:.4g}").
  function typedNumber(input) {
    let value = input.value.trim();
    if (value.indexOf("/") !== -1) {
      const parts = value.split("/");
      value = Number(parts[0]) / Number(parts[1]);
    }
    const x = Number(value);
    return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : value;
  }

  function mirror(feedback, live, input, unit) {
    const copy = () => {
      if (input) {
        const text = typedNumber(input) + (unit ? " " + unit : "");
        feedback.querySelectorAll(".mgdlearn-typed").forEach((span) => {
          if (span.textContent !== text) span.textContent = text;
        });
      }
      const text = feedback.style.display === "none" ? "" : feedback.textContent;
      if (live.textContent !== text) live.textContent = text;
    };
    new MutationObserver(copy).observe(feedback, {
      childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["style"],
    });
  }

  function makeAccessible(container, questions) {
    container.querySelectorAll(".Quiz").forEach((wrapper, i) => {
      const qa = questions[i] || {};
      const question = wrapper.querySelector("[id^='quizQn']");
      const answers = wrapper.querySelector(".Answer");
      const feedback = wrapper.querySelector(".Feedback");
      if (question && answers && qa.type === "multiple_choice") {
        answers.setAttribute("role", "radiogroup");
        answers.setAttribute("aria-labelledby", question.id);
      }
      const input = wrapper.querySelector("input.Input-text");
      const label = wrapper.querySelector(".InpLabel");
      if (input && label) {
        label.htmlFor = input.id;
        label.textContent = "Your answer" + (qa.mgdlearn_unit ? " in " + qa.mgdlearn_unit : "") +
          " (press Enter to check):";
        input.setAttribute("inputmode", "decimal");
        input.setAttribute("autocomplete", "off");
        if (question) input.setAttribute("aria-describedby", question.id);
      }
      if (feedback) {
        // jupyterquiz hides and re-shows the feedback box while it fills it; a separate, always
        // present live region (visually hidden) announces the text that ends up in it.
        const live = document.createElement("div");
        live.className = "mgdlearn-quiz-live visually-hidden";
        live.setAttribute("role", "status");
        live.setAttribute("aria-live", "polite");
        wrapper.appendChild(live);
        feedback.setAttribute("aria-hidden", "true");
        mirror(feedback, live, input, qa.mgdlearn_unit || "");
      }
    });
  }

  function drawAll() {
    if (typeof show_questions !== "function") {
      console.error("mgdlearn-quiz: jupyterquiz.js did not load");
      return;
    }
    document.querySelectorAll(".mgdlearn-quiz[data-questions]").forEach((container) => {
      if (container.dataset.drawn) return;
      const questions = decode(container.dataset.questions);
      container.dataset.shufflequestions = "False";
      container.dataset.shuffleanswers = "False";
      container.dataset.preserveresponses = "false";
      container.dataset.numquestions = String(questions.length);
      container.dataset.maxwidth = "720";
      show_questions(questions, container);
      makeAccessible(container, questions);
      container.dataset.drawn = "true";
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
