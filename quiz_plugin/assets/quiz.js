/* The quiz widget: turns each server-rendered `.quiz` block into an interactive question.

   The page holds what reads well without this script: the question, the options as a list and
   the answer in a <details>. `build` adds the form around it. What a widget shows is a pure
   function of the reader's saved answer (`render`): after a reload, or on the other language's
   page, every mark, feedback, status and button is the same. Print needs nothing from it:
   quiz.css prints each question without its answer, and the page's answer key at the end.
   The build minifies this file. */
(() => {
  "use strict";

  /**
   * A reader's answer to one quiz, saved in localStorage under "quiz:" and the widget's key.
   * A quiz and its translations share the key, so the answer follows the reader.
   * @typedef {object} SavedAnswer
   * @property {number[]} chosen  positions (as written, from 0) of the options the reader chose
   * @property {boolean} revealed  whether the reader asked to see the answer
   * @property {number} [at]  when the reader answered, in milliseconds since 1970
   */

  /** The mark an option gets, and the UI string that says it. */
  const MARK_LABELS = { right: "optionCorrect", wrong: "optionWrong", answer: "optionAnswer" };

  /** @type {Record<string, string>} UI strings in the page's language. */
  let labels = {};

  const part = (element, name) => element.querySelector(".quiz__" + name);
  const parts = (element, name) => [...element.querySelectorAll(".quiz__" + name)];
  const show = (element, shown) => {
    if (element) element.hidden = !shown;
  };

  const create = (tag, name, parent) => {
    const element = document.createElement(tag);
    element.className = "quiz__" + name;
    if (parent) parent.append(element);
    return element;
  };

  const optionsOf = (widget) => parts(widget, "option");
  const inputOf = (option) => part(option, "input");
  const positionOf = (option) => Number(inputOf(option).value);
  const isCorrect = (option) => "quizCorrect" in option.dataset;
  const isMultiple = (widget) => widget.dataset.quizKind === "multiple";

  const chosenNow = (widget) =>
    optionsOf(widget)
      .filter((option) => inputOf(option).checked)
      .map(positionOf);

  /* The page's first widget carries the UI strings for the whole page. */
  const readLabels = () => {
    try {
      return JSON.parse(document.querySelector(".quiz[data-quiz-i18n]").dataset.quizI18n);
    } catch {
      return {};
    }
  };

  /* Saved answers. Storage may be blocked (every access throws) or hold a damaged value: the
     quiz then works without saving. */
  const storageKey = (widget) => "quiz:" + widget.dataset.quizKey;

  const readSaved = (widget) => {
    try {
      return JSON.parse(localStorage.getItem(storageKey(widget)));
    } catch {
      return null;
    }
  };

  /** Save or forget the widget's answer; tell the course progress (progress.js) it changed.
   * @param {SavedAnswer | null} answer */
  const writeSaved = (widget, answer) => {
    try {
      if (answer) localStorage.setItem(storageKey(widget), JSON.stringify(answer));
      else localStorage.removeItem(storageKey(widget));
      window.dispatchEvent(new StorageEvent("storage"));
    } catch {
      /* not saved: the page still shows the answer */
    }
  };

  /**
   * Return the saved value as an answer to this widget, or null if it does not fit it.
   * @returns {SavedAnswer | null}
   */
  const savedAnswer = (widget, value) => {
    if (value && Array.isArray(value.s)) {
      /* the format saved before answers kept the reader's choice apart from the reveal */
      const revealed = value.r === "revealed";
      value = { chosen: revealed ? [] : value.s, revealed };
    }
    if (!value || !Array.isArray(value.chosen) || typeof value.revealed !== "boolean") {
      return null;
    }
    const { chosen } = value;
    const count = optionsOf(widget).length;
    const known = chosen.every(
      (position, index) =>
        Number.isInteger(position) &&
        position >= 0 &&
        position < count &&
        chosen.indexOf(position) === index,
    );
    const allowed = isMultiple(widget) || chosen.length < 2;
    return known && allowed && (chosen.length > 0 || value.revealed) ? value : null;
  };

  /** Return "correct", "incomplete" (right but not all of them) or "incorrect". */
  const outcome = (widget, chosen) => {
    let right = 0;
    let wrong = 0;
    let missed = 0;
    for (const option of optionsOf(widget)) {
      const picked = chosen.includes(positionOf(option));
      if (picked && isCorrect(option)) right++;
      else if (picked) wrong++;
      else if (isCorrect(option)) missed++;
    }
    if (wrong || !right) return "incorrect";
    return missed ? "incomplete" : "correct";
  };

  /** Return an option's mark: only chosen options are marked, until the answer is shown. */
  const markOf = (option, picked, result) => {
    if (!result) return "";
    if (picked) return isCorrect(option) ? "right" : "wrong";
    return result === "revealed" && isCorrect(option) ? "answer" : "";
  };

  /**
   * Show a widget as the saved answer says: nothing answered, checked, or answer shown.
   * @param {SavedAnswer | null} answer
   */
  const render = (widget, answer) => {
    const chosen = answer ? answer.chosen : [];
    let result = "";
    if (answer) result = answer.revealed ? "revealed" : outcome(widget, chosen);
    for (const option of optionsOf(widget)) {
      const input = inputOf(option);
      const picked = chosen.includes(positionOf(option));
      const mark = markOf(option, picked, result);
      input.checked = picked;
      /* Locked, not disabled: a disabled input turns pale grey, and the reader's choice with it. */
      if (result) input.setAttribute("aria-disabled", "true");
      else input.removeAttribute("aria-disabled");
      if (mark) option.dataset.quizMark = mark;
      else delete option.dataset.quizMark;
      part(option, "mark").textContent = mark ? labels[MARK_LABELS[mark]] : "";
      show(part(option, "feedback"), mark);
    }
    if (result) widget.dataset.quizState = result;
    else delete widget.dataset.quizState;
    part(widget, "status").textContent = labels[result] || "";
    /* The explanation tells the answer: it waits for a right answer or the reveal. */
    show(part(widget, "explanation"), result === "correct" || result === "revealed");
    show(part(widget, "check"), !result);
    show(part(widget, "retry"), result);
    show(part(widget, "reveal"), result !== "correct" && result !== "revealed");
  };

  const updateScore = () => {
    const score = document.querySelector(".quiz-score");
    if (!score || !labels.score) return;
    const widgets = [...document.querySelectorAll(".quiz")];
    const correct = widgets.filter((widget) => widget.dataset.quizState === "correct");
    score.querySelector(".quiz-score__text").textContent = labels.score
      .replace("{correct}", correct.length)
      .replace("{total}", widgets.length);
  };

  /* Check the chosen options, or show the answer. */
  const answer = (widget, revealed) => {
    const chosen = chosenNow(widget);
    if (!revealed && !chosen.length) {
      part(widget, "status").textContent = labels.choose || "";
      return;
    }
    const saved = { chosen, revealed, at: Date.now() };
    writeSaved(widget, saved);
    render(widget, saved);
    part(widget, "retry").focus();
    updateScore();
  };

  const retry = (widget) => {
    writeSaved(widget, null);
    render(widget, null);
    updateScore();
    inputOf(optionsOf(widget)[0]).focus();
  };

  /* Build the form around the server's markup: a fieldset named by the question, an input and
     a label per option, a mark after each label, buttons and a status region. The correct
     options' feedback and the explanation move out of the <details> that the script hides. */
  const build = (widget) => {
    const list = part(widget, "options");
    const items = [...list.children];
    const question = part(widget, "question");
    const hint = part(widget, "hint");
    const details = part(widget, "answer");
    const explanation = part(details, "explanation");
    const fieldset = create("fieldset", "fieldset");
    const actions = create("div", "actions");
    const status = create("div", "status");
    question.id ||= widget.id + "-q";
    fieldset.setAttribute("aria-labelledby", question.id);
    if (hint) {
      hint.id = widget.id + "-hint";
      fieldset.setAttribute("aria-describedby", hint.id);
    }
    status.setAttribute("role", "status");
    widget.prepend(fieldset);
    fieldset.append(question, ...(hint ? [hint] : []), list, actions, status);
    for (const name of ["check", "retry", "reveal"]) {
      const button = create("button", name, actions);
      button.type = "button";
      button.textContent = labels[name] || name;
    }
    items.forEach((item, position) => buildOption(widget, item, position));
    for (const feedback of parts(details, "feedback")) {
      feedback.hidden = true;
      items[Number(feedback.dataset.quizFor)].append(feedback);
    }
    if (explanation) {
      explanation.hidden = true;
      status.after(explanation);
    }
  };

  const buildOption = (widget, item, position) => {
    const input = create("input", "input");
    const label = create("label", "label");
    input.type = isMultiple(widget) ? "checkbox" : "radio";
    input.name = widget.id;
    input.id = widget.id + "-" + position;
    input.value = position;
    label.htmlFor = input.id;
    const feedback = part(item, "feedback");
    label.append(...[...item.childNodes].filter((node) => node !== feedback));
    item.classList.add("quiz__option");
    item.prepend(input, label);
    label.after(create("span", "mark"));
  };

  /* Options in a random order, drawn again on every visit (Fisher-Yates). */
  const shuffle = (widget) => {
    const list = part(widget, "options");
    const items = [...list.children];
    for (let last = items.length - 1; last > 0; last--) {
      const other = Math.floor(Math.random() * (last + 1));
      [items[last], items[other]] = [items[other], items[last]];
    }
    list.append(...items);
  };

  const init = () => {
    labels = readLabels();
    for (const widget of document.querySelectorAll(".quiz:not([data-quiz-ready])")) {
      widget.dataset.quizReady = "";
      widget.classList.add("quiz--js");
      build(widget);
      if ("quizShuffle" in widget.dataset) shuffle(widget);
      render(widget, savedAnswer(widget, readSaved(widget)));
    }
    show(document.querySelector(".quiz-score"), true);
    updateScore();
  };

  const isLocked = (element) => Boolean(element.closest(".quiz[data-quiz-state]"));

  const onClick = (event) => {
    const target = event.target;
    /* A checked answer stays as it is until Try again (arrow keys on radios click too). */
    if (target.matches && target.matches(".quiz__input") && isLocked(target)) {
      event.preventDefault();
      return;
    }
    const button = target.closest && target.closest("button");
    if (!button) return;
    const widget = button.closest(".quiz");
    const kind = button.classList;
    if (widget && kind.contains("quiz__check")) answer(widget, false);
    else if (widget && kind.contains("quiz__reveal")) answer(widget, true);
    else if (widget && kind.contains("quiz__retry")) retry(widget);
    else if (kind.contains("quiz-score__reset")) {
      document.querySelectorAll(".quiz").forEach((each) => {
        writeSaved(each, null);
        render(each, null);
      });
      updateScore();
    }
  };

  /* Enter on an option checks the answer; the arrow keys only move the choice. */
  const onKeyDown = (event) => {
    const input = event.target;
    if (event.key === "Enter" && input.matches && input.matches(".quiz__input") && !isLocked(input)) {
      event.preventDefault();
      answer(input.closest(".quiz"), false);
    }
  };

  /* A new choice replaces the "choose an option first" note. */
  const onChange = (event) => {
    const widget = event.target.closest && event.target.closest(".quiz");
    if (widget && !widget.dataset.quizState) part(widget, "status").textContent = "";
  };

  /* Under instant navigation the script runs once and builds each new page's widgets. */
  if (window.__quizBound) return;
  window.__quizBound = true;
  document.addEventListener("click", onClick);
  document.addEventListener("keydown", onKeyDown);
  document.addEventListener("change", onChange);

  /* Build in a task of its own, not in the theme's long start-up task. */
  const later = () => setTimeout(init);
  const start = () => {
    if (window.document$ && window.document$.subscribe) window.document$.subscribe(later);
    else later();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
