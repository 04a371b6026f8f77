/*
 * Search highlighting of whole words. After a click on a search result (a link with `?h=`),
 * Material marks what was searched wherever it occurs, inside longer words too: searching
 * "trained" marked the "training" of "pretraining". Once Material has marked the page, this
 * unmarks each Latin match that is only part of a word. Chinese is written without spaces,
 * so a Chinese match inside a longer word (训练 in 预训练) stays marked.
 *
 * It relies on Material's marks being `<mark data-md-highlight>` in the content
 * (checked with mkdocs-material 9.8.2); without them it changes nothing.
 */
"use strict"

const MARKS = "mark[data-md-highlight]"
const LATIN_LETTER = /[\p{Script=Latin}\p{Nd}]/u

function isLatinLetter(character) {
  return Boolean(character) && LATIN_LETTER.test(character)
}

function isPartOfALongerWord(mark) {
  const text = mark.textContent
  const before = mark.previousSibling?.textContent?.slice(-1)
  const after = mark.nextSibling?.textContent?.slice(0, 1)
  return (isLatinLetter(text.slice(0, 1)) && isLatinLetter(before))
    || (isLatinLetter(text.slice(-1)) && isLatinLetter(after))
}

function unmarkPartsOfWords(content) {
  for (const mark of content.querySelectorAll(MARKS))
    if (isPartOfALongerWord(mark))
      mark.replaceWith(...mark.childNodes)
}

function whenMarked(content, callback) {
  if (content.querySelector(MARKS))
    return callback()
  const observer = new MutationObserver(() => {
    if (content.querySelector(MARKS)) {
      observer.disconnect()
      callback()
    }
  })
  observer.observe(content, { childList: true, subtree: true })
}

const content = document.querySelector("[data-md-component=content]")
if (content && new URL(location.href).searchParams.get("h"))
  whenMarked(content, () => unmarkPartsOfWords(content))
