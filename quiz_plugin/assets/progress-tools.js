/* The tools under the home page's course outline: export the reader's answers to a file, import
   such a file (in another browser, say), reset every answer. progress.js loads this file when
   the reader first uses one of them, and hands it that click. A tool that changes the answers
   tells progress.js with a "storage" event, as another tab's change would. The build minifies
   this file. */
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
   * The file export writes and import reads: version 1.
   * @typedef {object} ProgressFile
   * @property {string} format  always FORMAT
   * @property {number} version  the FORMAT_VERSION of the site that wrote it
   * @property {Record<string, SavedAnswer>} answers  every saved answer, by quiz key
   */

  const PREFIX = "quiz:";
  const FORMAT = "course-progress";
  const FORMAT_VERSION = 1;
  const FILE_NAME = "course-progress.json";
  const LARGEST_FILE = 1e6;
  const RE_KEY = /^[\w-]{1,64}$/;

  /** @type {Record<string, string>} UI strings in the page's language. */
  const labels = JSON.parse(document.querySelector("script[data-course-labels]").dataset.courseLabels);

  const fill = (text, values) => text.replace(/{(\w+)}/g, (_, name) => values[name]);

  const answers = (count) => (count === 1 ? labels.answerOne : fill(labels.answerMany, { count }));

  const say = (message) => {
    document.querySelector(".course-tools__status").textContent = message;
  };

  const changed = () => window.dispatchEvent(new StorageEvent("storage"));

  const savedKeys = () =>
    Object.keys(localStorage)
      .filter((name) => name.startsWith(PREFIX))
      .map((name) => name.slice(PREFIX.length));

  /**
   * Return a value as an answer in the current form, read as quiz.js reads it, or null.
   * @returns {SavedAnswer | null}
   */
  const asAnswer = (value) => {
    if (value && Array.isArray(value.s)) {
      const revealed = value.r === "revealed";
      value = { chosen: revealed ? [] : value.s, revealed };
    }
    if (!value || !Array.isArray(value.chosen) || typeof value.revealed !== "boolean") return null;
    const { chosen, revealed } = value;
    const distinct = chosen.every(
      (position, index) =>
        Number.isInteger(position) && position >= 0 && chosen.indexOf(position) === index,
    );
    const at = Number.isFinite(value.at) && value.at > 0 ? value.at : 0;
    return distinct && (chosen.length || revealed) ? { chosen, revealed, at } : null;
  };

  const readAnswer = (key) => {
    try {
      return asAnswer(JSON.parse(localStorage.getItem(PREFIX + key)));
    } catch {
      return null;
    }
  };

  const exportProgress = () => {
    /** @type {ProgressFile} */
    const file = { format: FORMAT, version: FORMAT_VERSION, answers: {} };
    for (const key of savedKeys()) {
      const answer = readAnswer(key);
      if (answer && RE_KEY.test(key)) file.answers[key] = answer;
    }
    const blob = new Blob([JSON.stringify(file, null, 1)], { type: "application/json" });
    const download = document.createElement("a");
    download.href = URL.createObjectURL(blob);
    download.download = FILE_NAME;
    download.click();
    setTimeout(() => URL.revokeObjectURL(download.href), 60_000);
    const count = Object.keys(file.answers).length;
    say(fill(labels.exported, { answers: answers(count), file: FILE_NAME }));
  };

  /* An answer as export writes it: the current form, with a time if any. */
  const isExported = (value) =>
    Boolean(value && Array.isArray(value.chosen) && asAnswer(value)) &&
    (value.at === undefined || (Number.isFinite(value.at) && value.at >= 0));

  /**
   * Return a file's answers as [key, answer] pairs, or what is wrong with it: "foreign" (not a
   * progress file), "newer" (from a newer format) or "damaged".
   */
  const readProgressFile = (text) => {
    /** @type {ProgressFile} */
    let file;
    try {
      file = JSON.parse(text);
    } catch {
      return text.includes(`"${FORMAT}"`) ? "damaged" : "foreign";
    }
    if (!file || file.format !== FORMAT) return "foreign";
    if (!Number.isInteger(file.version) || file.version < 1) return "damaged";
    if (file.version > FORMAT_VERSION) return "newer";
    const found = file.answers;
    if (!found || typeof found !== "object" || Array.isArray(found)) return "damaged";
    const entries = Object.entries(found);
    const valid = entries.every(([key, value]) => RE_KEY.test(key) && isExported(value));
    return valid ? entries.map(([key, value]) => [key, asAnswer(value)]) : "damaged";
  };

  /* Nothing changes unless the whole file is good; then the newer answer of each quiz wins. */
  const merge = (entries) => {
    let brought = 0;
    for (const [key, answer] of entries) {
      const here = readAnswer(key);
      if (here && here.at >= answer.at) continue;
      localStorage.setItem(PREFIX + key, JSON.stringify(answer));
      brought++;
    }
    return brought;
  };

  const importProgress = async (input) => {
    const [file] = input.files;
    input.value = "";
    if (!file) return;
    const found = file.size > LARGEST_FILE ? "foreign" : readProgressFile(await file.text());
    if (typeof found === "string") {
      say(labels[found]);
      return;
    }
    let brought = 0;
    try {
      brought = merge(found);
    } finally {
      changed();
      say(brought ? fill(labels.imported, { answers: answers(brought) }) : labels.importedNone);
    }
  };

  const resetProgress = () => {
    if (!window.confirm(labels.confirmReset)) return;
    for (const key of savedKeys()) localStorage.removeItem(PREFIX + key);
    changed();
    say(labels.resetDone);
  };

  const onClick = (event) => {
    const button = event.target.closest && event.target.closest("[data-course-action]");
    const action = button ? button.dataset.courseAction : "";
    if (action === "export") exportProgress();
    else if (action === "import") document.querySelector(".course-tools__file").click();
    else if (action === "reset") resetProgress();
  };

  const onChange = (event) => {
    if (event.target.matches(".course-tools__file")) importProgress(event.target).catch(() => {});
  };

  document.addEventListener("click", onClick);
  document.addEventListener("change", onChange);
})();
