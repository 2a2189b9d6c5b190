// The 404 page of a site built without a base URL. A server shows it at any missing address, at any depth, so its
// links, written relative to the site root, are only right in the site's top folder. This finds the site root: it
// asks for 404.html in each folder of the address, deepest first, and the first answer that is this very page
// (status 200, same marker) is the root, so it never asks above the site's own folder. Then every relative link and
// form points there, and the page's scripts load from there. Without JavaScript, or when nothing is found, the links
// stay as they are.
(() => {
  'use strict';
  const script = document.currentScript;
  const marker = document.querySelector('meta[name="ivb-404"]');
  if (!marker || !window.fetch) return;
  const expected = 'content="' + marker.content + '"';
  const folders = [];
  for (let dir = location.pathname.replace(/[^/]*$/, ''); dir && folders.length < 16;
    dir = dir.slice(0, -1).replace(/[^/]*$/, '')) {
    folders.push(dir);
  }
  const isOurs = async (dir) => {
    try {
      const response = await fetch(dir + '404.html', { credentials: 'same-origin' });
      if (!response.ok) {
        response.body?.cancel();
        return false;
      }
      return (await response.text()).includes(expected);
    } catch (e) {
      return false;
    }
  };
  const relative = (value) => value !== null && !/^([a-z][a-z0-9+.-]*:|\/|#|\?)/i.test(value);
  const pointAt = (root) => {
    for (const [selector, attribute] of [['a[href]', 'href'], ['form[action]', 'action'], ['link[rel~="icon"]', 'href']]) {
      for (const element of document.querySelectorAll(selector)) {
        const value = element.getAttribute(attribute);
        if (relative(value)) element.setAttribute(attribute, root + value);
      }
    }
    for (const src of (script.dataset.scripts || '').split(' ').filter(Boolean)) {
      const added = document.createElement('script');
      added.src = root + src;
      document.head.append(added);
    }
    document.documentElement.dataset.siteRoot = root;
  };
  const ready = new Promise((resolve) => {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', resolve);
    else resolve();
  });
  (async () => {
    for (const dir of folders) {
      if (await isOurs(dir)) {
        await ready;
        pointAt(dir);
        return;
      }
    }
  })();
})();
