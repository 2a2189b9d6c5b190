/*
 * The search page (zoeken.html): loads search-index.json(.gz) from this site, indexes it with MiniSearch and shows
 * results while the reader types. Results are built with DOM methods and textContent only, never innerHTML, so a
 * title or text that contains markup is shown as text. Everything is loaded relative to this site: it works under
 * any sub-path and asks no other site for anything.
 */
import MiniSearch from '../vendor/minisearch/minisearch.min.js';
import { buildQuery, fuzziness, highlight, indexTerms, tokenize } from './search-text.js';

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
let engine = null;
let announceTimer = 0;
let found = [];

/** Reads the index file into pages, sections and the tables the filters use. */
function readIndex(json, base) {
  if (json.v !== 1) throw new Error(`search index version ${json.v}, expected 1`);
  const kinds = json.kinds.map(([key, label, plural]) => ({ key, label, plural }));
  const themes = json.themes.map(([slug, title]) => ({ slug, title }));
  const pages = json.pages.map(([url, title, kind, themeRefs]) => ({
    url: new URL(url, base).href, title, kind: kinds[kind], themes: themeRefs.map((t) => themes[t]),
  }));
  const sections = json.sections.map(([page, fragment, heading, text], id) => ({
    id, page: pages[page], fragment, heading, text, title: pages[page].title,
  }));
  return { kinds, themes, pages, sections };
}

/**
 * Fetches the index. The gzipped file is unpacked here, because not every host compresses JSON; a host that sends
 * it with Content-Encoding has the browser unpack it already, which the first two bytes tell. Browsers without
 * DecompressionStream get the plain file.
 */
async function fetchIndex() {
  const compressed = typeof DecompressionStream === 'function';
  const url = new URL(compressed ? form.dataset.index : form.dataset.indexPlain, document.baseURI);
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = gzipped
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
    : new TextDecoder().decode(bytes);
  return { json: JSON.parse(text), url };
}

function buildEngine(sections) {
  const mini = new MiniSearch({
    fields: ['title', 'heading', 'text'],
    tokenize,
    processTerm: indexTerms,
    searchOptions: {
      tokenize: (term) => [term],
      processTerm: (term) => term,
      boost: { title: 3, heading: 2, text: 1 },
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => fuzziness(term) || false,
      weights: { fuzzy: 0.3, prefix: 0.6 },
    },
  });
  mini.addAll(sections);
  return mini;
}

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
    const page = index.sections[result.id].page;
    return (!kind || page.kind.key === kind) && (!theme || page.themes.some((t) => t.slug === theme));
  };
}

/** One result per page, at its best matching part; other parts of that page that match in their own text. */
function groupByPage(results) {
  const groups = new Map();
  for (const result of results) {
    const section = index.sections[result.id];
    const ownMatch = Object.values(result.match).some((fields) => fields.some((f) => f !== 'title'));
    const group = groups.get(section.page);
    if (!group) {
      groups.set(section.page, { best: result, section, others: [] });
    } else if (ownMatch && section.heading) {
      group.others.push(section);
    }
  }
  return [...groups.values()];
}

function search(query) {
  const tree = buildQuery(query);
  if (!tree) return null;
  return groupByPage(engine.search(tree, { filter: currentFilter() }));
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

function sectionLink(section) {
  const a = document.createElement('a');
  a.href = section.fragment ? `${section.page.url}#${encodeURIComponent(section.fragment)}` : section.page.url;
  return a;
}

function renderResult(group) {
  const { section, best } = group;
  const matched = new Set(best.terms);
  const li = document.createElement('li');
  li.className = 'search-result';

  const title = document.createElement('h2');
  title.className = 'search-result__title';
  const link = sectionLink(section);
  appendHighlighted(link, section.title, matched);
  title.append(link);
  li.append(title);

  if (section.heading) {
    const where = paragraph('search-result__section', 'Onderdeel: ');
    appendHighlighted(where, section.heading, matched);
    li.append(where);
  }
  if (section.text) {
    const snippet = paragraph('search-result__snippet');
    appendHighlighted(snippet, section.text, matched, SNIPPET_LENGTH);
    li.append(snippet);
  }
  const meta = [section.page.kind.label];
  if (section.page.themes.length) {
    meta.push(`${section.page.themes.length > 1 ? "Thema's" : 'Thema'}: ${section.page.themes.map((t) => t.title).join(', ')}`);
  }
  li.append(paragraph('search-result__meta', meta.join(' · ')));

  if (group.others.length) {
    const more = paragraph('search-result__more', 'Ook in deze pagina: ');
    group.others.slice(0, MAX_OTHER_SECTIONS).forEach((other, i) => {
      if (i > 0) more.append(', ');
      const a = sectionLink(other);
      a.textContent = other.heading;
      more.append(a);
    });
    li.append(more);
  }
  return li;
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

function update(immediately) {
  const query = input.value.trim();
  help.hidden = true;
  if (!engine) {
    if (query && form.dataset.state === 'loading') announce('De zoekfunctie wordt geladen…', true);
    return;
  }
  const groups = query ? search(query) : null;
  found = groups || [];
  list.replaceChildren(...found.slice(0, PAGE_SIZE).map(renderResult));
  updateMoreButton();
  if (!groups) {
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
function showMore() {
  const next = found.slice(list.children.length, list.children.length + PAGE_SIZE).map(renderResult);
  list.append(...next);
  updateMoreButton();
  if (next.length) next[0].querySelector('a').focus();
}

/** Keeps the address in step with the search, so the back button and a shared link show the same results. */
function rememberInAddress() {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set('q', input.value.trim());
  if (kindSelect.value) params.set(kindSelect.name, kindSelect.value);
  if (themeSelect.value) params.set(themeSelect.name, themeSelect.value);
  const search = params.toString();
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
    const { json, url } = await fetchIndex();
    index = readIndex(json, url);
    fillSelect(kindSelect, index.kinds.map((k) => [k.key, k.plural]));
    fillSelect(themeSelect, index.themes.map((t) => [t.slug, t.title]));
    selectFromAddress(kindSelect, params);
    selectFromAddress(themeSelect, params);
    engine = buildEngine(index.sections);
    form.dataset.state = 'ready';
    if (input.value.trim()) update(true);
  } catch (error) {
    form.dataset.state = 'error';
    filters.hidden = true;
    list.replaceChildren();
    more.hidden = true;
    help.replaceChildren(
      document.createTextNode('Zoeken lukt nu niet. Gebruik de '),
      Object.assign(document.createElement('a'), { href: form.dataset.az, textContent: "lijst van alle pagina's van A tot Z" }),
      document.createTextNode('.'),
    );
    help.hidden = false;
    announce('Zoeken lukt nu niet.', true);
    throw error;
  }
}

start();
