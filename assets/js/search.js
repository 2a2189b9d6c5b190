/*
 * The search page (zoeken.html): loads the search index from this site (search-index.js: a small file first, then
 * per search the shards of its words and the text of the pages it shows) and shows results while the reader types.
 * Results are built with DOM methods and textContent only, never innerHTML, so a title or text that contains markup
 * is shown as text. Everything is loaded relative to this site: it works under any sub-path and asks no other site
 * for anything.
 *
 * Results show when the texts of their pages have arrived (they hold the address and title, the section and the
 * snippet); until then the results shown before stay, and the list has aria-busy="true". Then data-for holds the
 * search it shows (as in the address: q, soort, thema), which tests and the benchmark wait for.
 */
import { SplitIndex } from './search-index.js';
import { buildQuery, fold, highlight, queryTerms, tokenize } from './search-text.js';

const PAGE_SIZE = 20;
const MAX_OTHER_SECTIONS = 3;
const SNIPPET_LENGTH = 200;
const ANNOUNCE_DELAY_MS = 600;

const form = document.querySelector('form[data-index]');
const input = document.getElementById('search-q');
const kindSelect = document.getElementById('search-kind');
const themeSelect = document.getElementById('search-theme');
const filters = document.getElementById('search-filters');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const help = document.getElementById('search-help');
const nojs = document.getElementById('search-nojs');
const more = document.getElementById('search-more');

let index = null;
let announceTimer = 0;
let found = [];
let generation = 0;

function fillSelect(select, options) {
  for (const [value, text] of options) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = text;
    select.append(option);
  }
}

function currentFilter() {
  const kind = kindSelect.value;
  const theme = themeSelect.value;
  if (!kind && !theme) return undefined;
  return (result) => {
    const page = index.pageOf[result.id];
    return (!kind || page.kind.key === kind) && (!theme || page.themes.some((t) => t.slug === theme));
  };
}

/**
 * One result per page, at its best matching part, with the page's other matching parts (see otherParts). Which
 * terms a part matched is only asked for the results shown: a short word matches thousands of parts on a large site.
 */
function groupByPage(results) {
  const groups = new Map();
  for (const result of results) {
    const page = index.pageOf[result.id];
    const group = groups.get(page);
    if (!group) {
      groups.set(page, { best: result, page, part: result.id - page.first, rest: [] });
    } else {
      group.rest.push(result);
    }
  }
  return [...groups.values()];
}

/** The other parts of a result's page that match in their own text (not only by the page title). */
function otherParts(group) {
  return group.rest.filter((result) => Object.values(result.match).some((fields) => fields.some((f) => f !== 'title')))
    .map((result) => result.id - group.page.first);
}

/** Appends text to an element, with the matched words in <mark>. */
function appendHighlighted(element, text, matched, windowSize) {
  for (const piece of highlight(text, matched, windowSize)) {
    if (piece.hit) {
      const mark = document.createElement('mark');
      mark.textContent = piece.text;
      element.append(mark);
    } else {
      element.append(document.createTextNode(piece.text));
    }
  }
}

function paragraph(className, ...children) {
  const p = document.createElement('p');
  p.className = className;
  p.append(...children);
  return p;
}

function partUrl(page, part) {
  return part && part.fragment ? `${page.url}#${encodeURIComponent(part.fragment)}` : page.url;
}

/**
 * A result as a list item: the title (a link to the section), the section, the snippet, the kind and theme, and
 * other matching sections. The page's text must be loaded (see loadTexts).
 */
function renderResult(group) {
  const { page, best } = group;
  const matched = new Set(best.terms);
  const li = document.createElement('li');
  li.className = 'search-result';

  const title = document.createElement('h2');
  title.className = 'search-result__title';
  const link = document.createElement('a');
  link.href = page.url;
  appendHighlighted(link, page.title, matched);
  title.append(link);
  li.append(title);

  const meta = [page.kind.label];
  if (page.themes.length) {
    meta.push(`${page.themes.length > 1 ? "Thema's" : 'Thema'}: ${page.themes.map((t) => t.title).join(', ')}`);
  }
  li.append(paragraph('search-result__meta', meta.join(' · ')));
  fillResult(li, group, index.shown.get(page.index));
  return li;
}

/** Adds the section, the snippet and other matching sections of a result. */
function fillResult(li, group, parts) {
  const matched = new Set(group.best.terms);
  const part = parts[group.part];
  const meta = li.querySelector('.search-result__meta');
  li.querySelector('.search-result__title a').href = partUrl(group.page, part);
  if (part.heading) {
    const where = paragraph('search-result__section', 'Onderdeel: ');
    appendHighlighted(where, part.heading, matched);
    meta.before(where);
  }
  if (part.text) {
    const snippet = paragraph('search-result__snippet');
    appendHighlighted(snippet, part.text, matched, SNIPPET_LENGTH);
    meta.before(snippet);
  }
  const others = otherParts(group).map((i) => parts[i]).filter((other) => other.heading).slice(0, MAX_OTHER_SECTIONS);
  if (others.length) {
    const also = paragraph('search-result__more', 'Ook in deze pagina: ');
    others.forEach((other, i) => {
      if (i > 0) also.append(', ');
      const a = document.createElement('a');
      a.href = partUrl(group.page, other);
      a.textContent = other.heading;
      also.append(a);
    });
    li.append(also);
  }
}

function filterDescription() {
  const parts = [];
  if (kindSelect.value) parts.push(kindSelect.selectedOptions[0].textContent.toLowerCase());
  if (themeSelect.value) parts.push(`thema ${themeSelect.selectedOptions[0].textContent}`);
  return parts.length ? ` (alleen ${parts.join(', ')})` : '';
}

function announce(text, immediately) {
  clearTimeout(announceTimer);
  if (immediately) {
    status.textContent = text;
  } else {
    announceTimer = setTimeout(() => { status.textContent = text; }, ANNOUNCE_DELAY_MS);
  }
}

function showNoResults(query) {
  help.replaceChildren(
    document.createTextNode('Probeer een ander of korter woord, of kijk in het '),
    Object.assign(document.createElement('a'), { href: form.dataset.themes, textContent: "overzicht van de thema's" }),
    document.createTextNode('.'),
  );
  if (kindSelect.value || themeSelect.value) {
    help.prepend(document.createTextNode('Zet de filters op "alle" om overal te zoeken. '));
  }
  help.hidden = false;
  return `Geen resultaten voor “${query}”${filterDescription()}. ${help.textContent}`;
}

function showError() {
  form.dataset.state = 'error';
  list.replaceChildren();
  list.removeAttribute('aria-busy');
  more.hidden = true;
  help.replaceChildren(
    document.createTextNode('Zoeken lukt nu niet. Gebruik de '),
    Object.assign(document.createElement('a'), { href: form.dataset.az, textContent: "lijst van alle pagina's van A tot Z" }),
    document.createTextNode('.'),
  );
  help.hidden = false;
  announce('Zoeken lukt nu niet.', true);
}

/** The search as the address and data-for give it: q, soort, thema. */
function searchState() {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set('q', input.value.trim());
  if (kindSelect.value) params.set(kindSelect.name, kindSelect.value);
  if (themeSelect.value) params.set(themeSelect.name, themeSelect.value);
  return params.toString();
}

/** Marks the list complete: it shows the search in the field. */
function settle() {
  list.removeAttribute('aria-busy');
  list.dataset.for = form.dataset.query;
}

/**
 * Loads the texts of the pages of these results (address, title, sections), those not loaded yet, all at once.
 * False when a newer search took over meanwhile; on an error the page says that search does not work now.
 */
async function loadTexts(groups, asked) {
  const missing = groups.filter((group) => !index.shown.has(group.page.index));
  if (!missing.length) return true;
  try {
    await Promise.all(missing.map((group) => index.pageText(group.page)));
  } catch (error) {
    if (asked === generation) showError();
    throw error;
  }
  return asked === generation;
}

/**
 * While the last word has three letters, loads the shards its fourth letter will bring in (the word with two
 * letters swapped at its start, see buildQuery), so that the next keystroke does not wait for them.
 */
function prefetchSwaps(query) {
  const words = tokenize(query);
  const last = words.length ? fold(words[words.length - 1]) : '';
  if (last.length === 3 && !/[\s\p{P}]$/u.test(query)) {
    index.prefetch(index.shardsFor([last[1] + last[0], last[0] + last[2]]));
  }
}

/**
 * Shows the results for what is in the field and the filters. When the words need shards of the index that are
 * not loaded yet, the results shown stay until they are there; a newer keystroke makes an older search give way.
 */
async function update(immediately) {
  const asked = ++generation;
  form.dataset.query = searchState();
  list.setAttribute('aria-busy', 'true');
  const query = input.value.trim();
  if (!index) {
    if (query && form.dataset.state === 'loading') announce('De zoekfunctie wordt geladen…', true);
    return;
  }
  const tree = query ? buildQuery(query) : null;
  let results = null;
  if (tree) {
    prefetchSwaps(query);
    const keys = index.shardsFor(queryTerms(tree));
    if (!index.hasShards(keys)) {
      try {
        await index.loadShards(keys);
      } catch (error) {
        if (asked === generation) showError();
        throw error;
      }
      if (asked !== generation) return;
    }
    form.dataset.state = 'ready';
    results = groupByPage(index.search(tree, keys, currentFilter()));
    if (!(await loadTexts(results.slice(0, PAGE_SIZE), asked))) return;
  }
  help.hidden = true;
  found = results || [];
  list.replaceChildren(...found.slice(0, PAGE_SIZE).map(renderResult));
  updateMoreButton();
  settle();
  if (!results) {
    announce(query ? 'Typ een langer zoekwoord.' : '', immediately);
    return;
  }
  let message;
  if (found.length === 0) {
    message = showNoResults(query);
  } else {
    const count = found.length === 1 ? '1 pagina' : `${found.length} pagina's`;
    message = `${count} gevonden voor “${query}”${filterDescription()}.`;
  }
  announce(message, immediately);
}

function updateMoreButton() {
  const rest = found.length - list.children.length;
  more.hidden = rest <= 0;
  more.textContent = `Toon meer resultaten (nog ${rest})`;
}

/** Shows the next results and puts the focus on the first of them, so keyboard users go on where they were. */
async function showMore() {
  if (list.getAttribute('aria-busy') === 'true') return;
  const asked = generation;
  const groups = found.slice(list.children.length, list.children.length + PAGE_SIZE);
  list.setAttribute('aria-busy', 'true');
  if (!(await loadTexts(groups, asked))) return;
  const next = groups.map(renderResult);
  list.append(...next);
  updateMoreButton();
  list.removeAttribute('aria-busy');
  if (next.length) next[0].querySelector('a').focus();
}

/** Keeps the address in step with the search, so the back button and a shared link show the same results. */
function rememberInAddress() {
  const search = searchState();
  history.replaceState(null, '', search ? `?${search}` : location.pathname);
}

function selectFromAddress(select, params) {
  const wanted = params.get(select.name);
  if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
}

async function start() {
  nojs.hidden = true;
  filters.hidden = false;
  form.dataset.state = 'loading';
  const params = new URLSearchParams(location.search);
  if (params.has('q')) input.value = params.get('q');

  input.addEventListener('input', () => { update(false); rememberInAddress(); });
  for (const select of [kindSelect, themeSelect]) {
    select.addEventListener('change', () => { update(true); rememberInAddress(); });
  }
  more.addEventListener('click', showMore);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(true);
    rememberInAddress();
  });
  if (input.value) update(true);

  try {
    index = await SplitIndex.load(form.dataset.index, form.dataset.indexPlain);
  } catch (error) {
    filters.hidden = true;
    showError();
    throw error;
  }
  fillSelect(kindSelect, index.kinds.map((k) => [k.key, k.plural]));
  fillSelect(themeSelect, index.themes.map((t) => [t.slug, t.title]));
  selectFromAddress(kindSelect, params);
  selectFromAddress(themeSelect, params);
  form.dataset.state = 'ready';
  update(true);
}

start();
