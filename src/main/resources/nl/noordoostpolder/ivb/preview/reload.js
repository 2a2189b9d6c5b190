/*
 * Preview only (never part of the published site): reloads the page when the site was rebuilt, and shows the
 * problems of a failed rebuild over the last good page. Built with DOM methods and textContent only, so no message
 * text can ever become markup.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var loaded = script ? script.getAttribute('data-generation') : null;
  var OVERLAY_ID = 'ivb-preview-problems';

  function removeOverlay() {
    var old = document.getElementById(OVERLAY_ID);
    if (old) {
      old.parentNode.removeChild(old);
    }
  }

  function element(tag, text) {
    var el = document.createElement(tag);
    if (text !== undefined) {
      el.textContent = text;
    }
    return el;
  }

  // the texts come from the server, in the language of the preview (see Json.state); these are only a fallback
  function showProblems(problems, texts) {
    texts = texts || {};
    removeOverlay();
    var box = element('section');
    box.id = OVERLAY_ID;
    box.setAttribute('role', 'alert');
    box.setAttribute('aria-labelledby', OVERLAY_ID + '-title');
    var s = box.style;
    s.position = 'fixed';
    s.left = '0';
    s.right = '0';
    s.bottom = '0';
    s.zIndex = '2147483647';
    s.maxHeight = '60vh';
    s.overflow = 'auto';
    s.margin = '0';
    s.padding = '1rem 1.25rem';
    s.background = '#ffffff';
    s.color = '#1a1a1a';
    s.borderTop = '6px solid #b00020';
    s.boxShadow = '0 -4px 16px rgba(0, 0, 0, 0.3)';
    s.font = '16px/1.5 system-ui, sans-serif';

    var title = element('h2', texts.heading || (problems.length + ' ✗'));
    title.id = OVERLAY_ID + '-title';
    title.style.margin = '0 0 0.5rem';
    title.style.fontSize = '1.25rem';
    title.style.color = '#b00020';
    box.appendChild(title);
    box.appendChild(element('p', texts.help || ''));

    var list = element('ul');
    list.style.paddingLeft = '1.25rem';
    problems.forEach(function (problem) {
      var item = element('li');
      var code = element('code', problem.text);
      code.style.whiteSpace = 'pre-wrap';
      code.style.overflowWrap = 'anywhere';
      code.style.font = '15px/1.4 ui-monospace, monospace';
      item.appendChild(code);
      list.appendChild(item);
    });
    box.appendChild(list);

    var hide = element('button', texts.hide || '×');
    hide.type = 'button';
    hide.style.font = 'inherit';
    hide.style.padding = '0.25rem 0.75rem';
    hide.addEventListener('click', removeOverlay);
    box.appendChild(hide);
    document.body.appendChild(box);
  }

  function apply(state) {
    if (state.ready && String(state.generation) !== loaded) {
      window.location.reload();
      return;
    }
    if (state.problems && state.problems.length > 0) {
      showProblems(state.problems, state.texts);
    } else {
      removeOverlay();
    }
  }

  function poll() {
    window.fetch('/__preview/errors', { cache: 'no-store' })
      .then(function (response) { return response.json(); })
      .then(apply)
      .catch(function () { /* the preview server is not running; try again */ })
      .then(function () { window.setTimeout(poll, 1000); });
  }

  if (window.EventSource) {
    var source = new EventSource('/__preview/events');
    source.addEventListener('state', function (event) {
      document.documentElement.setAttribute('data-preview', 'connected');
      apply(JSON.parse(event.data));
    });
    source.addEventListener('error', function () {
      if (source.readyState === EventSource.CLOSED && window.fetch) {
        poll(); // refused (too many open tabs): ask every second instead
      }
    });
  } else if (window.fetch) {
    poll();
  }
}());
