/* Course progress: what the reader has done, chapter by chapter, in either language.

   The build writes the course manifest (course.json, next to this file): each chapter with its
   title and URL per language, and its quizzes with what tells a right answer from a wrong one.
   This script counts the reader's progress from it and the answers quiz.js saved, and shows it in
   the home page's outline and as a mark on completed chapters in the navigation. The outline's
   tools (export, import, reset), which the build writes hidden, are shown here and run by
   progress-tools.js, loaded when the reader first uses one. When storage is blocked the page
   stays as it is without this script. The build minifies this file. */
(() => {
  "use strict";

  /**
   * A reader's answer to one quiz, as quiz.js saves it in localStorage under "quiz:" + key;
   * answers saved in the earlier form, {s: chosen, r: result}, are read too.
   * @typedef {object} SavedAnswer
   * @property {number[]} chosen  positions (as written, from 0) of the options chosen
   * @property {boolean} revealed  whether the reader asked to see the answer
   * @property {number} [at]  when the reader answered, in milliseconds since 1970
   */

  /**
   * A quiz as the manifest lists it.
   * @typedef {object} CourseQuiz
   * @property {string} key  the key its answers are saved under, the same in every language
   * @property {number[]} correct  positions (as written, from 0) of its correct options
   * @property {number} options  how many options it has
   * @property {boolean} multiple  whether the reader may choose several options
   */

  const script = document.currentScript;
  const language = script.dataset.courseLanguage;
  /** @type {Record<string, string>} UI strings in the page's language. */
  const labels = JSON.parse(script.dataset.courseLabels);
  const root = new URL("../..", script.src);
  let chapters;
  let tools;

  /**
   * Return 2 (right), 1 (answered) or 0 (not answered) as the quiz's widget shows its saved
   * answer: a damaged one, or one that does not fit the quiz, is none; a revealed one is not right.
   * @param {CourseQuiz} quiz
   */
  const resultOf = (quiz) => {
    try {
      /** @type {SavedAnswer} */
      let { chosen, revealed, s, r } = JSON.parse(localStorage.getItem("quiz:" + quiz.key));
      if (Array.isArray(s)) [chosen, revealed] = r === "revealed" ? [[], true] : [s, false];
      const fits = chosen.every(
        (position, index) =>
          Number.isInteger(position) &&
          position >= 0 &&
          position < quiz.options &&
          chosen.indexOf(position) === index,
      );
      const allowed = quiz.multiple || chosen.length < 2;
      if (!fits || !allowed || revealed !== !!revealed || !(chosen.length || revealed)) return 0;
      const all = quiz.correct.every((position) => chosen.includes(position));
      return !revealed && all && chosen.length === quiz.correct.length ? 2 : 1;
    } catch {
      return 0;
    }
  };

  const progressOf = (chapter) => {
    const results = chapter.quizzes.map(resultOf);
    const total = results.length;
    const answered = results.filter(Boolean).length;
    const correct = results.filter((result) => result > 1).length;
    const state = correct === total ? "completed" : answered ? "started" : "new";
    return { total, answered, correct, state };
  };

  /* The span of this class right after the element, made if it is not there yet. */
  const spanAfter = (element, className) => {
    let span = element.parentElement.querySelector(":scope > ." + className);
    if (!span) {
      span = document.createElement("span");
      span.className = className;
      element.after(span);
    }
    return span;
  };

  /* Material's navigation markup, not a documented API: a page's entry in `.md-nav--primary`
     is an `li` holding its `a.md-nav__link` (and, for the current page, a `label.md-nav__link`),
     each with the title in a `.md-ellipsis`. Without them, there is no mark. */
  const markNavigation = (link, done) => {
    for (const title of link.parentElement.querySelectorAll(":scope > * > .md-ellipsis")) {
      const mark = spanAfter(title, "course-mark");
      mark.hidden = !done;
      mark.setAttribute("role", "img");
      mark.setAttribute("aria-label", labels.mark);
      mark.textContent = "✓";
    }
  };

  /* The chapter's line under its link in the home page's outline; its symbol is the CSS's. */
  const showInOutline = (link, progress) => {
    const line = spanAfter(link, "course-progress");
    line.dataset.courseState = progress.state;
    line.textContent = labels[progress.state].replace(/{(\w+)}/g, (_, name) => progress[name]);
  };

  const refresh = () => {
    const links = document.querySelectorAll(".course-outline a, .md-nav--primary a.md-nav__link");
    for (const chapter of chapters) {
      const page = chapter.pages[language];
      const url = page && new URL(page.url, root).href;
      for (const link of links) {
        if (link.href !== url) continue;
        const progress = progressOf(chapter);
        if (link.matches(".md-nav__link")) markNavigation(link, progress.state === "completed");
        else showInOutline(link, progress);
      }
    }
  };

  /* Draw the page's progress and show the outline's tools, which the build wrote hidden. */
  const show = () => {
    refresh();
    for (const hidden of document.querySelectorAll(".course-tools")) hidden.hidden = false;
  };

  /* A click on a tool before the tools are loaded: load them, then hand them the same click. */
  const onClick = (event) => {
    if (!tools && event.target.closest(".course-tools")) {
      tools = document.createElement("script");
      tools.src = new URL("progress-tools.js", script.src);
      tools.onload = () => event.target.dispatchEvent(new MouseEvent("click", event));
      document.head.append(tools);
    }
  };

  const start = async () => {
    localStorage.length; // throws when storage is blocked: the page then stays as it is
    const response = await fetch(new URL("course.json", script.src));
    chapters = (await response.json()).chapters;
    /* Under instant navigation this script runs once: Material's document$ gives each new page. */
    if (window.document$) document$.subscribe(show);
    else show();
    document.addEventListener("click", onClick);
    /* A quiz saved an answer (quiz.js), the tools changed the answers, or another tab did. */
    window.addEventListener("storage", refresh);
  };

  /* Storage blocked, or the manifest missing or damaged: nothing changes. */
  start().catch(() => {});
})();
