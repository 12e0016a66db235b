import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { server } from './mocks/server';
import { createDb, db } from './mocks/db';
import { initI18n } from '@/lib/i18n';
import { session } from '@/lib/auth/session';

// jsdom has no layout: pretend to be a 1280 px wide screen for AntD's responsive helpers.
const WIDTH = 1280;
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => {
    const min = /min-width:\s*(\d+)px/.exec(query);
    const max = /max-width:\s*(\d+)px/.exec(query);
    const matches = (!min || WIDTH >= Number(min[1])) && (!max || WIDTH <= Number(max[1]));
    return {
      matches,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    };
  },
});
window.scrollTo = () => {};
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
// AntD measures scrollbars through getComputedStyle with a pseudo element, which jsdom does not implement.
const realGetComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (elt: Element) => realGetComputedStyle(elt);

// Two CI cores run several test files at once (and, on a shared machine, other builds): give async queries room
// before calling it a failure (5 s timed out twice on a loaded fresh-clone run; a passing query returns at once).
configure({ asyncUtilTimeout: 20_000 });

initI18n('vi');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(async () => {
  db.current = createDb();
  localStorage.clear();
  session.reset();
  await initI18n('vi').changeLanguage('vi');
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());
