/*
 * The site's search worker: Material for MkDocs' own worker, with what this course needs.
 *
 * Pages start it instead of Material's worker (hooks/search_worker.py rewrites the `search`
 * entry of their __config), as `search/worker.js?upstream=search.<hash>.min.js`. It loads
 * Material's worker with importScripts, keeps the message listener Material registers, and
 * adjusts the messages on their way in and out (site-search.js); Material still builds the
 * lunr index, searches, highlights and renders.
 *
 * Material's Chinese query segmenter never lets a segment end at the query's last character
 * (`for (j = i + 1; j < query.length; ...)`, Material issue #3915), so 后训练 could not find
 * 后训练. site-search.js segments the query itself; Material's segmenter looks each candidate
 * up with `in` on the inverted index, which this worker answers with "no", and Material then
 * keeps each of our segments whole.
 *
 * It relies on details of Material's worker that hooks/search_worker.py checks at build time
 * (checked with mkdocs-material 9.8.2). If the listener or lunr cannot be found here,
 * Material's worker runs on its own, with its bugs, and an error is logged.
 */
"use strict"

const UPSTREAM_FILE = /^search\.[0-9a-f]+\.min\.js$/

const pendingQueries = []
let upstreamListener = null
let postToPage = null
let search = null

/* ----------------------------------------------------------------------------
 * Setup
 * ------------------------------------------------------------------------- */

function upstreamWorkerUrl() {
  const file = new URL(self.location.href).searchParams.get("upstream")
  if (!file || !UPSTREAM_FILE.test(file))
    throw new Error(`search worker: '${file}' is not Material's search worker file`)
  return `../workers/${file}`
}

function loadUpstreamWorker() {
  const listeners = []
  self.addEventListener = function (type, listener, options) {
    if (type === "message")
      listeners.push(listener)
    else
      EventTarget.prototype.addEventListener.call(self, type, listener, options)
  }
  try {
    importScripts(upstreamWorkerUrl())
  } finally {
    delete self.addEventListener
  }
  return listeners
}

function hasUsableLunr(lunr) {
  return typeof lunr === "function"
    && typeof lunr.Builder?.prototype?.build === "function"
    && typeof lunr.Token === "function"
}

/* Material's segmenter asks `segment in invertedIndex`: answering no keeps our segments whole */
function keepSegmentsWhole(lunr) {
  const build = lunr.Builder.prototype.build
  lunr.Builder.prototype.build = function buildIndex(...args) {
    const index = build.apply(this, args)
    index.invertedIndex = new Proxy(index.invertedIndex, { has: () => false })
    return index
  }
}

function start() {
  const listeners = loadUpstreamWorker()
  importScripts("site-search.js")
  if (listeners.length !== 1 || !hasUsableLunr(self.lunr)) {
    console.error(
      "search worker: Material's worker no longer registers one message listener and " +
      "exposes lunr; searching with Material's worker alone")
    for (const listener of listeners)
      self.addEventListener("message", listener)
    return
  }
  upstreamListener = listeners[0]
  keepSegmentsWhole(self.lunr)
  postToPage = self.postMessage.bind(self)
  self.postMessage = replyToPage
  self.addEventListener("message", receiveFromPage)
}

/* ----------------------------------------------------------------------------
 * Messages: setup ({ config, docs }), query (a string), result ({ items })
 * ------------------------------------------------------------------------- */

function isSetup(message) {
  return Boolean(message?.data?.config) && Array.isArray(message.data.docs)
}

function isQuery(message) {
  return typeof message?.data === "string"
}

function isResult(message) {
  return Array.isArray(message?.data?.items)
}

function receiveFromPage(event) {
  let message = event.data
  if (isSetup(message)) {
    search = new SiteSearch(message.data.config, message.data.docs)
  } else if (isQuery(message) && search) {
    const query = attempt(() => search.rewrite(message.data))
    pendingQueries.push(query)
    if (query)
      message = { ...message, data: query.text }
  }
  upstreamListener(new MessageEvent("message", { data: message }))
}

function replyToPage(message) {
  if (isResult(message) && pendingQueries.length) {
    const query = pendingQueries.shift()
    const improved = query && attempt(() => search.improve(message.data, query))
    if (improved)
      message = { ...message, data: improved }
  }
  postToPage(message)
}

/* A mistake here must not take search down: log it and let Material carry on */
function attempt(work) {
  try {
    return work()
  } catch (error) {
    console.error("search worker:", error)
    return null
  }
}

start()
