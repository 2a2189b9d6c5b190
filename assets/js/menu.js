/*
 * The main menu on small screens: a "Menu" button that opens and closes the list, as on GOV.UK and NL Design System
 * sites, so that a page starts with its own heading instead of seven rows of links.
 *
 * Progressive enhancement: the template writes the whole list; this script adds the button and folds the list, and
 * only the style sheet decides where that applies (below 40rem; above it the button is hidden and the list shows).
 * Without JavaScript the list shows as it always did. The button is a real <button> with aria-expanded and
 * aria-controls, so Enter and Space toggle it; Escape closes the open menu and puts the focus back on the button.
 * The script runs right after the menu in the page (not deferred), so the list is folded before it is first drawn.
 */
(() => {
  'use strict';

  const fold = () => {
    const nav = document.querySelector('.main-nav');
    const list = nav && nav.querySelector('.main-nav__list[id]');
    if (!list || nav.querySelector('.main-nav__toggle')) return;

    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'main-nav__toggle';
    button.textContent = 'Menu';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', list.id);
    const bar = document.createElement('div');
    bar.className = 'wrap main-nav__bar';
    bar.append(button);
    nav.insertBefore(bar, list);
    nav.classList.add('main-nav--foldable');

    const isOpen = () => button.getAttribute('aria-expanded') === 'true';
    const setOpen = (open) => {
      button.setAttribute('aria-expanded', String(open));
      nav.classList.toggle('main-nav--open', open);
    };
    button.addEventListener('click', () => setOpen(!isOpen()));
    nav.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && isOpen() && button.offsetParent !== null) {
        setOpen(false);
        button.focus();
      }
    });
  };

  if (document.querySelector('.main-nav')) {
    fold();
  } else {
    document.addEventListener('DOMContentLoaded', fold);
  }
})();
