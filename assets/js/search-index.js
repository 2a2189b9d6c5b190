/*
 * The split search index (written by SplitIndex.java): loads search-index.json first, then for each search only
 * the shards of words it needs and the texts (with address and title) of the pages it shows, and ranks as
 * MiniSearch would (search-rank.js). No DOM here.
 *
 * The ranking sees the same index MiniSearch would build from the whole text: the same documents (one per part of a
 * page, with the fields title, heading and text), the same field lengths and averages, and for every term in a
 * loaded shard all its postings. So a word scores exactly as if the whole index were in memory. Each shard holds every
 * word that starts with its two letters, so prefix search ("jonge" for "jongeren") is complete within it.
 */
import MiniSearch from '../vendor/minisearch/minisearch.min.js';
import { Ranker } from './search-rank.js';
import { fuzziness, shardFile, shardKey, termsOfWord, tokenize } from './search-text.js';

const VERSION = 3;
/** MiniSearch's tree of terms (its SearchableMap, which the package does not export by itself). */
const TermTree = new MiniSearch({ fields: ['text'] })._index.constructor;
/**
 * Up to this many postings, the MiniSearch index holds every shard loaded so far; past it, a search that needs a
 * new shard gets an index of its own shards only, so that loading it stays quick on a large site.
 */
const MAX_POSTINGS = 200000;
const FIELDS = ['title', 'heading', 'text'];
const FIELD_IDS = { title: 0, heading: 1, text: 2 };

/**
 * Fetches a JSON file of the index. A .gz file is unpacked here, because not every host compresses JSON; a host
 * that sends it with Content-Encoding has the browser unpack it already, which the first two bytes tell.
 */
async function fetchJson(url, cache = 'default') {
  const response = await fetch(url, { credentials: 'same-origin', cache });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = gzipped
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
    : new TextDecoder().decode(bytes);
  const json = JSON.parse(text);
  if (json.v !== VERSION) throw new Error(`search index version ${json.v} in ${url}, expected ${VERSION}`);
  return json;
}

/** The field lengths of the first file: one character each, '~' adding 90 (as LengthCode.java writes them). */
export function lengthsOf(codes) {
  const lengths = [];
  let more = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes.charCodeAt(i);
    const digit = c - (c > 92 ? 36 : 35);
    if (digit === 90) {
      more += 90;
    } else {
      lengths.push(more + digit);
      more = 0;
    }
  }
  return lengths;
}

/** An object with numeric keys as a Map in ascending order of its keys, as MiniSearch.loadJS reads it. */
function numericMap(object, value) {
  const map = new Map();
  for (const key of Object.keys(object)) map.set(parseInt(key, 10), value(object[key]));
  return map;
}

export class SplitIndex {
  /**
   * Loads search-index.json(.gz). Browsers without DecompressionStream get the plain files, here and later.
   * The file is revalidated on every visit (it names the folder of this build's other files, which never change).
   */
  static async load(gzUrl, plainUrl) {
    const compressed = typeof DecompressionStream === 'function';
    const url = new URL(compressed ? gzUrl : plainUrl, document.baseURI);
    return new SplitIndex(await fetchJson(url, 'no-cache'), url, compressed ? '.json.gz' : '.json');
  }

  constructor(json, url, suffix) {
    this.suffix = suffix;
    this.base = url;
    this.data = new URL(json.data, url);
    this.kinds = json.kinds.map(([key, label, plural]) => ({ key, label, plural }));
    this.themes = json.themes.map(([slug, title]) => ({ slug, title }));
    this.shardKeys = new Set(json.shards);
    /** Per part (MiniSearch document id): its page. */
    this.pageOf = [];
    // address and title come with the page's text (see pageText)
    this.pages = json.pages.map(([kind, themeRefs, parts, titleLength], index) => {
      const page = {
        index, url: null, title: null, kind: this.kinds[kind], themes: themeRefs.map((t) => this.themes[t]),
        first: this.pageOf.length, parts, titleLength,
      };
      for (let i = 0; i < parts; i++) this.pageOf.push(page);
      return page;
    });
    const count = this.pageOf.length;
    const headings = lengthsOf(json.headings);
    const texts = lengthsOf(json.texts);
    if (headings.length !== count || texts.length !== count) throw new Error('search index: field lengths do not match the parts');
    // What MiniSearch.add would have recorded for each part: its field lengths (distinct words as written), three
    // per part, and the running average of each field length, in the order the parts are added.
    this.lengths = new Int32Array(3 * count);
    const average = [0, 0, 0];
    for (let id = 0; id < count; id++) {
      const length = [this.pageOf[id].titleLength, headings[id], texts[id]];
      this.lengths.set(length, 3 * id);
      for (let f = 0; f < 3; f++) average[f] = (average[f] * id + length[f]) / (id + 1);
    }
    this.averageFieldLength = average;
    this.shards = new Map(); // key -> Promise of the shard's terms
    this.loaded = new Map(); // key -> the shard's terms: [[term, {fieldId: {id: tf}}], ...]
    this.postings = new Map(); // key -> the number of postings in the shard
    this.maxPostings = MAX_POSTINGS;
    this.texts = new Map(); // page index -> Promise of its parts
    this.shown = new Map(); // page index -> its parts, once loaded
    this.terms = null;
    this.termKeys = new Set();
  }

  /** The shards a query needs, of those that exist (a word no page has needs none). */
  shardsFor(terms) {
    return [...new Set(terms.map(shardKey))].filter((key) => this.shardKeys.has(key)).sort();
  }

  hasShards(keys) {
    return keys.every((key) => this.loaded.has(key));
  }

  /** Loads shards; a shard that fails is asked for again next time. */
  loadShards(keys) {
    return Promise.all(keys.map((key) => {
      let shard = this.shards.get(key);
      if (!shard) {
        shard = fetchJson(new URL(`w/${shardFile(key)}${this.suffix}`, this.data))
          .then((json) => { const terms = this.readShard(key, json.w); this.loaded.set(key, terms); return terms; })
          .catch((error) => { this.shards.delete(key); throw error; });
        this.shards.set(key, shard);
      }
      return shard;
    }));
  }

  /**
   * A shard's words as MiniSearch terms with their postings: each word under itself and its stem (as indexTerms
   * does at add time), term frequencies added up where several words share a stem, title postings (per page)
   * given to every part of the page. Each term's postings become Maps (field to part to frequency) in the order
   * MiniSearch.loadJS gives them (ascending numbers), once per shard.
   */
  readShard(key, rows) {
    const terms = new Map();
    let postings = 0;
    for (const [word, text, heading, title] of rows) {
      for (const term of [].concat(termsOfWord(word))) {
        let data = terms.get(term);
        if (!data) terms.set(term, data = {});
        if (text.length) postings += this.addPostings(data, 2, text, false);
        if (heading && heading.length) postings += this.addPostings(data, 1, heading, false);
        if (title && title.length) postings += this.addPostings(data, 0, title, true);
      }
    }
    this.postings.set(key, postings);
    return [...terms].map(([term, data]) => [term, numericMap(data, (fields) => numericMap(fields, (tf) => tf))]);
  }

  /** Loads shards a search will probably need soon, without waiting for them and without failing. */
  prefetch(keys) {
    this.loadShards(keys).catch(() => {});
  }

  /** Adds a list of postings (see SplitIndex.java) to a term's field; returns how many parts it added. */
  addPostings(data, field, postings, byPage) {
    const freqs = data[field] || (data[field] = {});
    let id = -1;
    let added = 0;
    for (let i = 0; i < postings.length; i++) {
      id += postings[i];
      const tf = i + 1 < postings.length && postings[i + 1] < 0 ? -postings[++i] : 1;
      if (byPage) {
        const page = this.pages[id];
        for (let part = page.first; part < page.first + page.parts; part++) freqs[part] = (freqs[part] || 0) + tf;
        added += page.parts;
      } else {
        freqs[id] = (freqs[id] || 0) + tf;
        added += 1;
      }
    }
    return added;
  }

  /**
   * The terms of every shard loaded so far (up to MAX_POSTINGS, else of the shards of this search) in MiniSearch's
   * own tree of terms, which gives prefix and typo matches in the order MiniSearch would, and the Ranker over them.
   * Built again when a search needs a shard that is not in yet. Shards go in in key order, so the tree does not
   * depend on the order in which they arrived, and a search only takes matches from its own shards (see search),
   * so it does not depend on which other shards are in.
   */
  searchEngine(keys) {
    if (!this.terms || !keys.every((key) => this.termKeys.has(key))) {
      let order = [...this.loaded.keys()].sort();
      if (order.reduce((sum, key) => sum + this.postings.get(key), 0) > this.maxPostings) order = [...keys].sort();
      this.terms = new TermTree();
      for (const key of order) for (const [term, data] of this.loaded.get(key)) this.terms.set(term, data);
      this.termKeys = new Set(order);
      this.ranker = new Ranker(this.terms, SplitIndex.options(), this.lengths, this.averageFieldLength);
    }
    return this.ranker;
  }

  /** The MiniSearch options, as the whole-text index was built with them. */
  static options() {
    return {
      fields: FIELDS,
      tokenize,
      searchOptions: {
        tokenize: (term) => [term],
        processTerm: (term) => term,
        boost: { title: 3, heading: 2, text: 1 },
        prefix: (term) => term.length >= 3,
        fuzzy: (term) => fuzziness(term) || false,
        weights: { fuzzy: 0.3, prefix: 0.6 },
      },
    };
  }

  /**
   * Searches with a query of buildQuery, ranked as MiniSearch would (see search-rank.js). Matches through a typo
   * are only taken from the shards this query loaded, so the results do not depend on what was searched before.
   */
  search(query, keys, filter) {
    return this.searchEngine(keys).search(query, new Set(keys), filter);
  }

  /**
   * The parts of a page ({fragment, heading, text}), loaded once, with the page's address and title (which it sets
   * on the page).
   */
  pageText(page) {
    let text = this.texts.get(page.index);
    if (!text) {
      text = fetchJson(new URL(`p/${page.index}${this.suffix}`, this.data))
        .then((json) => {
          const parts = json.s.map(([fragment, heading, body]) => ({ fragment, heading, text: body }));
          if (parts.length !== page.parts) throw new Error(`search index: page ${page.index} has ${parts.length} parts`);
          page.url = new URL(json.u, this.base).href;
          page.title = json.t;
          this.shown.set(page.index, parts);
          return parts;
        })
        .catch((error) => { this.texts.delete(page.index); throw error; });
      this.texts.set(page.index, text);
    }
    return text;
  }
}
