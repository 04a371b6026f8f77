/*
 * The reader's query made to agree with the index, and the results improved: SiteSearch,
 * used by worker.js. Each language has an index of its own (hooks/search_settings.py).
 *
 * - Chinese is cut into the longest pieces found inside the index's words (jieba cut those),
 *   each searched inside longer words too: `*后训练*`.
 * - Latin words are analysed like the index (for English: trimmer, stop words, Porter
 *   stemmer), and a word typed in part (assistan) searches the terms of the index's words
 *   that begin with it.
 * - A result shows a word as missing only when its section lacks it; its link asks the page to
 *   highlight what the section has of the query (后训练, or trained and training), never the
 *   query's single characters.
 * - Results that have every word come first, then those that have them one after the other
 *   as typed, then by Material's score, doubled where each word is in the form typed.
 * - Snippets lose the zero-width spaces the index puts between Chinese words: they let the
 *   browser start a line with "。".
 */
"use strict"

const HAN_RUNS = /(\p{Script=Han}+)/u
const TAGS = /<[^>]*>/g
const ZERO_WIDTH_SPACES = /\u200b/g
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu
const QUOTED = /"([^"]*)"/g
/* Terms left as the reader wrote them: fuzzy, boost, wildcard and field syntax */
const LUNR_SYNTAX = /[~^*]|^(?:title|text|tags):/
/* Characters that may not begin a line of text (closing punctuation), nor a snippet */
const SNIPPET_START = /^((?:\s*<[^>]*>)*\s*)[，。、；：？！）」』】》〉”’…·,.;:?!)\]}]+\s*/u
const MARK_START_PUNCTUATION = /<mark>([^\p{L}\p{N}<]+)/gu
const MARK_END_PUNCTUATION = /([^\p{L}\p{N}>]+)<\/mark>/gu
const LONGEST_HAN_FRAGMENT = 12
/* A section with each word in the form typed ("trained", not only "training") counts double */
const EXACT_FORM_WEIGHT = 2

/* ----------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------- */

function unique(values) {
  return [...new Set(values)]
}

function longestFirst(a, b) {
  return b.length - a.length || a.localeCompare(b)
}

/* Keep the values no other value is a prefix of: searching `assist*` finds `assistan*` too */
function withoutLongerPrefixes(values) {
  return values.filter(value => !values.some(other => other !== value && value.startsWith(other)))
}

function plainText(html) {
  return html.replace(TAGS, " ").replace(ZERO_WIDTH_SPACES, " ")
}

/* What a reader sees of a section: Chinese words no longer apart, as on the page */
function sectionText(html) {
  return html.replace(TAGS, " ").replace(ZERO_WIDTH_SPACES, "").replace(/\s+/g, " ").toLowerCase()
}

function surfaceForm(word) {
  return word.toLowerCase().replace(EDGE_PUNCTUATION, "")
}

/* Letters and digits only: words typed one after the other are found as on the page */
function joined(text) {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "")
}

function compareRelevance(a, b) {
  return a.missing - b.missing || Number(b.phrase) - Number(a.phrase) || b.score - a.score
}

/* Give the items scores that follow their relevance; equally relevant items tie, as before */
function rankByRelevance(items, relevance) {
  const order = (a, b) => compareRelevance(relevance.get(a), relevance.get(b))
  items.sort(order)
  let rank = items.length
  items.forEach((item, position) => {
    if (position > 0 && order(items[position - 1], item) !== 0)
      rank--
    item.score = rank
  })
}

/* No zero-width spaces, no closing punctuation first, and marks around words, not commas */
function cleanSnippet(html) {
  return html.replace(ZERO_WIDTH_SPACES, "")
    .replace(SNIPPET_START, "$1")
    .replace(MARK_START_PUNCTUATION, "$1<mark>")
    .replace(MARK_END_PUNCTUATION, "</mark>$1")
}

/* The index's words, its analysis (lunr's pipeline functions) and the reader's words */
class SiteSearch {

  constructor(config, docs) {
    this.config = config
    this.separator = new RegExp(config.separator)
    this.docs = new Map(docs.map(doc => [doc.location, doc]))
    this.documentWords = new Map()
    this.vocabulary = null
    this.steps = null
  }

  /* The pipeline as Material sets it up for a single language, once its scripts are loaded */
  pipeline() {
    const lunr = self.lunr
    const [language] = this.config.lang
    const functions = language === "en" ? lunr : lunr[language]
    if (this.config.lang.length !== 1 || !functions)
      return []
    return ["trimmer", "stopWordFilter", "stemmer"]
      .filter(name => this.config.pipeline.includes(name) && functions[name])
      .map(name => functions[name])
  }

  /* The term the index holds for a word: "" for a stop word */
  analyse(word) {
    this.steps ??= this.pipeline()
    let token = new self.lunr.Token(word.toLowerCase(), {})
    for (const step of this.steps) {
      token = step(token, 0, [token])
      if (Array.isArray(token))
        token = token[0]
      if (!token)
        return ""
    }
    return token.toString()
  }

  words(text) {
    return plainText(text).split(this.separator).filter(Boolean)
  }

  /* Every Han fragment of the index's words, and each Latin word with its index term */
  loadVocabulary() {
    const fragments = new Set()
    const terms = new Map()
    for (const doc of this.docs.values())
      for (const word of this.words(`${doc.title} ${doc.text}`)) {
        if (HAN_RUNS.test(word))
          addFragments(fragments, word.toLowerCase())
        else if (!terms.has(surfaceForm(word)))
          terms.set(surfaceForm(word), this.analyse(word))
      }
    return { fragments, terms }
  }

  /* A section's text, and its Latin words by index term */
  wordsOf(location) {
    let words = this.documentWords.get(location)
    if (words)
      return words
    const doc = this.docs.get(location) ?? { title: "", text: "" }
    const text = `${doc.title} ${doc.text}`
    words = { text: sectionText(text), latin: new Map() }
    for (const word of this.words(text)) {
      const term = HAN_RUNS.test(word) ? "" : this.analyse(word)
      if (term)
        words.latin.set(surfaceForm(word), term)
    }
    this.documentWords.set(location, words)
    return words
  }

  /* ------------------------------------------------------------------------
   * Query
   * --------------------------------------------------------------------- */

  rewrite(value) {
    this.vocabulary ??= this.loadVocabulary()
    const parts = value.replace(QUOTED, (_, phrase) => phrase.replace(/(^|\s+)(?=\S)/g, "$1+"))
      .replace(/"/g, " ").trim().split(/\s+/).filter(Boolean)
    const words = parts.flatMap(part => this.queryWords(part))
    const meaningful = words.filter(word => !word.stopWord)
    const searched = meaningful.length ? meaningful : words
    return { typed: value, words: searched, text: searched.map(queryText).join(" ") }
  }

  queryWords(part) {
    if (LUNR_SYNTAX.test(part))
      return [{ kind: "verbatim", display: part, presence: "", clauses: [part] }]
    const presence = /^[+-]/.test(part) ? part[0] : ""
    const body = part.slice(presence.length)
    return body.split(HAN_RUNS).filter(Boolean).flatMap(piece => HAN_RUNS.test(piece)
      ? segmentHan(piece, this.vocabulary.fragments).map(segment => hanWord(segment, piece, presence))
      : this.latinWords(piece, presence))
  }

  latinWords(piece, presence) {
    const words = []
    for (const word of piece.split(this.separator)) {
      const display = surfaceForm(word)
      if (!display)
        continue
      const term = this.analyse(word)
      words.push(term
        ? { kind: "latin", display, presence, clauses: this.latinClauses(display, term) }
        : { kind: "latin", display, presence, clauses: [display], stopWord: true })
    }
    return words
  }

  /* The word's own term, and the terms of the index's words that begin with what was typed */
  latinClauses(display, term) {
    const terms = [term]
    for (const [surface, known] of this.vocabulary.terms)
      if (known && surface.startsWith(display))
        terms.push(known)
    return withoutLongerPrefixes(unique(terms))
  }

  /* ------------------------------------------------------------------------
   * Result
   * --------------------------------------------------------------------- */

  /*
   * Cleaner snippets, our `terms`, and the results in the order a reader expects: first what
   * has every word of the query, then what has them one after the other as typed (后训练流程,
   * "key points"), then by Material's score (it prefers a page's lead to its sections), doubled
   * where each word is in the form typed. The scores are replaced by ranks in that order, from
   * which Material decides what it shows.
   */
  improve(result, query) {
    const relevance = new Map()
    const groups = result.items.map(group => group.map(item => {
      const improved = {
        ...item,
        title: cleanSnippet(item.title),
        text: cleanSnippet(item.text),
        terms: this.terms(item.location, query)
      }
      relevance.set(improved, this.relevance(improved, query))
      return improved
    }))
    rankByRelevance(groups.flat().filter(item => item.score > 0), relevance)
    const byScore = (a, b) => b.score - a.score
    for (const group of groups)
      group.sort(byScore)
    groups.sort((a, b) => byScore(a[0], b[0]))
    return { ...result, items: groups }
  }

  relevance(item, query) {
    const section = this.wordsOf(item.location)
    const missing = Object.values(item.terms).filter(found => !found).length
    const words = query.words.filter(word => word.kind !== "verbatim" && word.presence !== "-")
    const phrase = words.length > 1 && joined(section.text).includes(joined(query.typed))
    const exact = words.every(word => word.kind === "han"
      ? section.text.includes(word.run)
      : section.latin.has(word.display))
    return { missing, phrase, score: item.score * (exact ? EXACT_FORM_WEIGHT : 1) }
  }

  /* Material's `terms`: what to highlight on the page (true), what the section lacks (false) */
  terms(location, query) {
    const section = this.wordsOf(location)
    const found = []
    const missing = []
    for (const word of query.words) {
      if (word.kind === "verbatim" || word.presence === "-" || word.stopWord)
        continue
      const match = word.kind === "han" ? lookUpHan(section, word) : lookUpLatin(section, word)
      if (match.found)
        found.push(...match.forms)
      else
        missing.push(word.display)
    }
    const terms = {}
    for (const form of unique(found).sort(longestFirst))
      terms[form] = true
    for (const word of unique(missing))
      if (!(word in terms))
        terms[word] = false
    return terms
  }
}

/* The section's words that begin like the index term of what was typed: trained, training */
function lookUpLatin(section, word) {
  const forms = [...section.latin]
    .filter(([, term]) => word.clauses.some(clause => term.startsWith(clause)))
    .map(([surface]) => surface)
  return { found: forms.length > 0, forms }
}

/*
 * Chinese typed in one go (后训练流程) is highlighted as typed where the section has it, else
 * word by word; a single character only when the reader typed just that one: 训 is in too
 * many words.
 */
function lookUpHan(section, word) {
  if (section.text.includes(word.run))
    return { found: true, forms: [word.run] }
  const found = section.text.includes(word.display)
  const shown = found && (word.display.length > 1 || word.run.length === 1)
  return { found, forms: shown ? [word.display] : [] }
}

/* ----------------------------------------------------------------------------
 * Chinese
 * ------------------------------------------------------------------------- */

function addFragments(fragments, word) {
  for (let start = 0; start < word.length; start++)
    for (let end = start + 1; end <= Math.min(word.length, start + LONGEST_HAN_FRAGMENT); end++)
      fragments.add(word.slice(start, end))
}

/* Cut a run of Han characters into the longest pieces found inside the index's words */
function segmentHan(run, fragments) {
  const segments = []
  for (let start = 0; start < run.length;) {
    let end = Math.min(run.length, start + LONGEST_HAN_FRAGMENT)
    while (end > start + 1 && !fragments.has(run.slice(start, end)))
      end--
    segments.push(run.slice(start, end))
    start = end
  }
  return segments
}

function hanWord(segment, run, presence) {
  return { kind: "han", display: segment, run, presence, clauses: [`*${segment}`] }
}

/* What Material receives for a word: Material adds the trailing `*` to terms without + or - */
function queryText(word) {
  if (word.kind === "verbatim")
    return word.display
  if (word.presence)
    return `${word.presence}${word.clauses[0]}*`
  return word.clauses.join(" ")
}
