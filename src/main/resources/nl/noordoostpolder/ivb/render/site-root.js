// The 404 page of a site built without a base URL. A server shows it at any missing address, at any depth, so its
// links, written relative to the site root, are only right in the site's top folder. This finds the site root: it
// asks for css/site.css in each folder of the address, deepest first, and the first answer that is this site's
// stylesheet (the same text as the <style> of this page) marks the root. It never asks above the site's own folder,
// and a server that answers every missing address with this page and status 200 does not mislead it. Then every
// relative link and form points at the root, and the page's scripts load from there. Without JavaScript, or when
// nothing is found, the links stay as they are.
(() => {
  'use strict';
  const script = document.currentScript;
  const style = document.querySelector('style');
  if (!style || !window.fetch) return;
  const folders = [];
  for (let dir = location.pathname.replace(/[^/]*$/, ''); dir && folders.length < 16;
    dir = dir.slice(0, -1).replace(/[^/]*$/, '')) {
    folders.push(dir);
  }
  const isRoot = async (dir) => {
    try {
      const response = await fetch(dir + 'css/site.css', { credentials: 'same-origin' });
      if (!response.ok || (response.headers.get('Content-Type') || '').includes('html')) {
        response.body?.cancel();
        return false;
      }
      // as the build inlined it: the parser's line ends, and "</style" written "<\/style"
      const text = (await response.text()).replace(/\r\n?/g, '\n').replace(/<\/(style)/gi, '<\\/$1');
      return text === style.textContent;
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
      if (await isRoot(dir)) {
        await ready;
        pointAt(dir);
        return;
      }
    }
  })();
})();
