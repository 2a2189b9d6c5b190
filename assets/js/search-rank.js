/*
 * Ranks a query exactly as MiniSearch 7.2.0's search() would on the same index, but without an object and a Map
 * entry per matching part: scores add up in typed arrays, in the same order of operations, so every score is the
 * same number and parts with equal scores keep MiniSearch's order. MiniSearch still holds the terms (its radix tree
 * gives prefix and typo matches in its own order); only the scoring is done here. On a site of 5000 pages a short
 * prefix such as "prese" matches some 14,000 parts, which MiniSearch took 70-80 ms to score, mostly allocating.
 * Checked against MiniSearch itself by SearchRankingIT.
 */
import { shardKey } from './search-text.js';

const FIELD_NAMES = ['title', 'heading', 'text'];

/** One level of the query tree: a score and a mark per part, reused from search to search. */
class Level {
  constructor(count) {
    this.score = new Float64Array(count);
    this.mark = new Int32Array(count);
    this.stamp = 0;
  }
}

/**
 * A result: the part (id), its score and, when asked for, its matched terms and fields as MiniSearch gives them
 * (worked out from the terms of its own search, also after later searches).
 */
class Result {
  constructor(specs, id, score) {
    this.specs = specs;
    this.id = id;
    this.score = score;
  }

  get match() {
    const match = matchOf(this.specs, this.id);
    Object.defineProperty(this, 'match', { value: match });
    return match;
  }

  get terms() {
    return Object.keys(this.match);
  }
}

export class Ranker {
  /**
   * @param terms MiniSearch's tree of terms (SearchableMap): term to field to part to frequency
   * @param options MiniSearch's options (SplitIndex.options())
   * @param lengths the field lengths, three per part (title, heading, text)
   * @param averages the average length of each field
   */
  constructor(terms, options, lengths, averages) {
    this.terms = terms;
    this.options = options.searchOptions;
    this.boosts = FIELD_NAMES.map((f) => this.options.boost[f] || 1);
    this.lengths = lengths;
    this.averages = averages;
    this.count = lengths.length / 3;
    this.levels = [];
    this.quality = new Uint16Array(this.count);
    this.seen = new Int32Array(this.count);
    this.seenStamp = 0;
  }

  level(depth) {
    return this.levels[depth] || (this.levels[depth] = new Level(this.count));
  }

  /**
   * The results of a query tree (as buildQuery makes), best first; terms whose shard is not allowed count for
   * nothing (as MiniSearch's boostDocument returning 0).
   */
  search(query, allowed, filter) {
    this.allowed = allowed;
    this.specs = [];
    const ids = this.run(query, {}, 0);
    const top = this.level(0);
    this.qualities(top);
    const results = [];
    for (const id of ids) {
      const result = new Result(this.specs, id, top.score[id] * (this.quality[id] || 1));
      if (!filter || filter(result)) results.push(result);
    }
    // best first, equal scores in MiniSearch's order (its sort is stable): sorted by position on typed arrays
    const scores = new Float64Array(results.length);
    const order = new Uint32Array(results.length);
    for (let i = 0; i < results.length; i++) {
      scores[i] = results[i].score;
      order[i] = i;
    }
    order.sort((a, b) => scores[b] - scores[a] || a - b);
    return Array.from(order, (i) => results[i]);
  }

  /** Runs a node of the query tree into level depth; returns its parts in MiniSearch's order (of its Map). */
  run(query, inherited, depth) {
    if (typeof query === 'string') return this.spec(query, { ...this.options, ...inherited }, depth);
    const options = { ...inherited, ...query, queries: undefined };
    const and = (options.combineWith || 'or').toLowerCase() === 'and';
    const into = this.level(depth);
    let ids = null;
    for (const child of query.queries) {
      const childIds = this.run(child, options, depth + 1);
      const from = this.level(depth + 1);
      if (ids === null) {
        into.stamp += 1;
        for (const id of childIds) {
          into.score[id] = from.score[id];
          into.mark[id] = into.stamp;
        }
        ids = childIds.slice();
      } else if (and) {
        const before = into.stamp;
        into.stamp += 1;
        const kept = [];
        for (const id of childIds) {
          if (into.mark[id] !== before) continue;
          into.score[id] = into.score[id] + from.score[id];
          into.mark[id] = into.stamp;
          kept.push(id);
        }
        ids = kept;
      } else {
        for (const id of childIds) {
          if (into.mark[id] === into.stamp) {
            into.score[id] = into.score[id] + from.score[id];
          } else {
            into.score[id] = from.score[id];
            into.mark[id] = into.stamp;
            ids.push(id);
          }
        }
      }
    }
    return ids || [];
  }

  /** One term: itself, the longer words it starts (prefix), and the words within its edit distance (fuzzy). */
  spec(term, options, depth) {
    const into = this.level(depth);
    into.stamp += 1;
    const spec = { term, ids: [], derived: [] };
    this.specs.push(spec);
    if (!term) return spec.ids;
    const prefix = typeof options.prefix === 'function' ? options.prefix(term) : options.prefix === true;
    const fuzzy = typeof options.fuzzy === 'function' ? options.fuzzy(term) : options.fuzzy || false;
    const { fuzzy: fuzzyWeight, prefix: prefixWeight } = options.weights;
    this.addTerm(spec, into, term, this.terms.get(term), 1);
    const prefixMatches = prefix ? this.terms.atPrefix(term) : null;
    let fuzzyMatches = null;
    if (fuzzy) {
      const f = fuzzy === true ? 0.2 : fuzzy;
      const distance = f < 1 ? Math.min(6, Math.round(term.length * f)) : f;
      if (distance) fuzzyMatches = this.terms.fuzzyGet(term, distance);
    }
    if (prefixMatches) {
      for (const [word, data] of prefixMatches) {
        const distance = word.length - term.length;
        if (!distance) continue;
        if (fuzzyMatches) fuzzyMatches.delete(word);
        this.addTerm(spec, into, word, data, prefixWeight * word.length / (word.length + 0.3 * distance));
      }
    }
    if (fuzzyMatches) {
      for (const word of fuzzyMatches.keys()) {
        const [data, distance] = fuzzyMatches.get(word);
        if (!distance) continue;
        this.addTerm(spec, into, word, data, fuzzyWeight * word.length / (word.length + distance));
      }
    }
    return spec.ids;
  }

  /** Adds the BM25 scores of one indexed term, field by field, as MiniSearch's termResults. */
  addTerm(spec, into, word, data, weight) {
    if (data == null || !this.allowed.has(shardKey(word))) return;
    const { count, lengths, averages } = this;
    const { score, mark, stamp } = into;
    const ids = spec.ids;
    for (let field = 0; field < 3; field++) {
      const freqs = data.get(field);
      if (freqs == null) continue;
      spec.derived.push(word, field, freqs);
      const matching = freqs.size;
      const average = averages[field];
      const w = weight * this.boosts[field];
      const idf = Math.log(1 + (count - matching + 0.5) / (matching + 0.5));
      freqs.forEach((tf, id) => {
        const s = w * (idf * (0.5 + tf * (1.2 + 1) / (tf + 1.2 * (1 - 0.7 + 0.7 * lengths[3 * id + field] / average))));
        if (mark[id] === stamp) {
          score[id] += s;
        } else {
          score[id] = s;
          mark[id] = stamp;
          ids.push(id);
        }
      });
    }
  }

  /** Per part: how many different query terms it matched (MiniSearch multiplies the score by that). */
  qualities(top) {
    this.quality.fill(0);
    const bySource = new Map();
    for (const spec of this.specs) {
      if (!bySource.has(spec.term)) bySource.set(spec.term, []);
      bySource.get(spec.term).push(spec);
    }
    for (const specs of bySource.values()) {
      this.seenStamp += 1;
      for (const spec of specs) {
        for (const id of spec.ids) {
          if (this.seen[id] !== this.seenStamp && top.mark[id] === top.stamp) {
            this.seen[id] = this.seenStamp;
            this.quality[id] += 1;
          }
        }
      }
    }
  }
}

/** The matched terms of a part and their fields: where a term matched in several query terms, the last wins. */
function matchOf(specs, id) {
  const match = {};
  for (const spec of specs) {
    let fields = null;
    let last = null;
    for (let i = 0; i < spec.derived.length; i += 3) {
      const [word, field, freqs] = [spec.derived[i], spec.derived[i + 1], spec.derived[i + 2]];
      if (!freqs.has(id)) continue;
      if (word !== last) {
        fields = [];
        match[word] = fields;
        last = word;
      }
      fields.push(FIELD_NAMES[field]);
    }
  }
  return match;
}
