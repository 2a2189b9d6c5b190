/*
 * Dutch text handling for the site search, shared by indexing and querying so both see the same terms:
 * case and accents folded, Snowball Dutch stems (so "signalen" meets "signaal" and "jongere" meets "jongeren"),
 * common Dutch function words left out. No DOM here.
 */
import { stemmer } from '../vendor/orama-stemmers/nl.js';

/* Function words that say nothing about a page (articles, pronouns, the most common prepositions and verbs). */
const STOP_WORDS = new Set(('aan al als bij dan dat de deze die dit door een en er haar heb hebben heeft het hij hun ' +
  'ik in is je kan me met mij mijn na naar niet nog of om ons op over te tot u uit van voor was waren wat we wel wij ' +
  'worden wordt ze zich zij zijn zo zou').split(' '));

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Lower case, without accents or other marks: "Complottheorieën" becomes "complottheorieen". */
export function fold(text) {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words of a text, as they are written. */
export function tokenize(text) {
  return text.match(WORD) || [];
}

/** The words of a text with their position, for highlighting: [{word, start, end}]. */
export function words(text) {
  const found = [];
  for (const m of text.matchAll(WORD)) {
    found.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return found;
}

const stems = new Map();

/** The Snowball Dutch stem of a folded word; numbers and very short words stay as they are. */
export function stem(word) {
  let s = stems.get(word);
  if (s === undefined) {
    s = word.length > 3 && !/\d/.test(word) ? stemmer(word) : word;
    stems.set(word, s);
  }
  return s;
}

export function isStopWord(folded) {
  return STOP_WORDS.has(folded);
}

/** The folded word a written word is indexed under, or null for words not worth indexing (as SearchText.java). */
export function indexWord(token) {
  const w = fold(token);
  return w.length < 2 || STOP_WORDS.has(w) ? null : w;
}

/**
 * The terms an indexed (folded) word is indexed under: the word and, when it differs, its stem. Keeping the whole
 * word lets a typo be matched against it; the stem joins singular and plural.
 */
export function termsOfWord(w) {
  const s = stem(w);
  return s === w ? w : [w, s];
}

const termsOfToken = new Map();

/**
 * The terms one written word is indexed under (see {@link termsOfWord}); null for words not worth indexing.
 * Remembered per written form: a site uses a few thousand distinct words many times over.
 */
export function indexTerms(token) {
  let terms = termsOfToken.get(token);
  if (terms === undefined) {
    const w = indexWord(token);
    terms = w === null ? null : termsOfWord(w);
    termsOfToken.set(token, terms);
  }
  return terms;
}

/**
 * The shard of the index a term is in: its first two code points. The build writes one file of words per shard
 * (SearchText.java); a Dutch stem keeps the first three letters of its word, so a word and its stem share a shard.
 */
export function shardKey(term) {
  const [a = '', b = ''] = term;
  return a + b;
}

/** The file name of a shard: a-z and 0-9 as they are, any other character as _hex_ (as SearchText.java). */
export function shardFile(key) {
  let name = '';
  for (const c of key) name += /[a-z0-9]/.test(c) ? c : `_${c.codePointAt(0).toString(16)}_`;
  return name;
}

/** Every term of a query made by {@link buildQuery}. */
export function queryTerms(query) {
  return typeof query === 'string' ? [query] : query.queries.flatMap(queryTerms);
}

/** Every order of a word with two neighbouring letters swapped: "zrog" gives "rzog", "zorg", "zrgo". */
function swaps(word) {
  const out = [];
  for (let i = 0; i < word.length - 1; i++) {
    out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return out;
}

/**
 * How far a query term may be from an indexed term (Levenshtein): none for short words, one letter for words of
 * four to seven letters, two for longer ones. Two swapped letters count as two in Levenshtein terms; they are
 * handled separately (see {@link buildQuery}), so that one slip of the fingers is forgiven in every word of four
 * letters or more without letting "jonger" match "onder".
 */
export function fuzziness(term) {
  return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
}

/**
 * A MiniSearch query for what the reader typed: every word must match (AND). A word matches by its folded form or
 * its stem, as the start of a longer word, with one letter wrong, missing or extra, or with two neighbouring
 * letters swapped. Function words are skipped, except the last word while it is still being typed (it may be the
 * start of a longer word). Null when nothing is left to search for.
 *
 * The page loads only the shards (see shardKey) of the terms of this query: the word's first two letters and those
 * of its swapped variants, so a swap anywhere is found, also of the first two letters ("ojngeren"), but another slip
 * in the first two letters ("kongeren", "ongeren") is not: the word it was meant for is in a shard not loaded.
 */
export function buildQuery(input) {
  const typed = tokenize(input).map(fold);
  const stillTyping = !/[\s\p{P}]$/u.test(input);
  const parts = [];
  typed.forEach((w, i) => {
    const last = i === typed.length - 1;
    if ((w.length < 2 || STOP_WORDS.has(w)) && !(last && stillTyping && w.length >= 2)) {
      return;
    }
    const queries = [{ combineWith: 'OR', queries: [...new Set([w, stem(w)])] }];
    if (w.length >= 4) {
      const swapped = new Set();
      for (const v of swaps(w)) {
        swapped.add(v);
        swapped.add(stem(v));
      }
      queries.push({ combineWith: 'OR', queries: [...swapped], fuzzy: false, prefix: false });
    }
    parts.push({ combineWith: 'OR', queries });
  });
  return parts.length ? { combineWith: 'AND', queries: parts } : null;
}

/**
 * Splits a text into pieces for display, marking the words whose index terms are among the matched terms:
 * [{text, hit}]. With a window size, only about that many characters around the first hit are kept, cut at word
 * boundaries and marked with an ellipsis.
 */
export function highlight(text, matched, windowSize) {
  const all = words(text);
  const hits = all.filter((w) => {
    const terms = indexTerms(w.word);
    return terms !== null && [].concat(terms).some((t) => matched.has(t));
  });
  let from = 0;
  let to = text.length;
  if (windowSize && text.length > windowSize) {
    const centre = hits.length ? hits[0].start : 0;
    from = Math.max(0, centre - Math.floor(windowSize / 3));
    to = Math.min(text.length, from + windowSize);
    from = Math.max(0, Math.min(from, to - windowSize));
    const startWord = all.find((w) => w.end > from);
    if (from > 0 && startWord) from = startWord.start;
    const endWord = [...all].reverse().find((w) => w.start < to);
    if (to < text.length && endWord) to = endWord.end;
  }
  const pieces = [];
  if (from > 0) pieces.push({ text: '… ', hit: false });
  let at = from;
  for (const h of hits) {
    if (h.start < from || h.end > to) continue;
    if (h.start > at) pieces.push({ text: text.slice(at, h.start), hit: false });
    pieces.push({ text: text.slice(h.start, h.end), hit: true });
    at = h.end;
  }
  if (at < to) pieces.push({ text: text.slice(at, to), hit: false });
  if (to < text.length) pieces.push({ text: ' …', hit: false });
  return pieces;
}
