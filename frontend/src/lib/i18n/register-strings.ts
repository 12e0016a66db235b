import { i18n } from './index';

/**
 * Adds a feature's strings to the shared translation bundle when the feature's screens load, so they stay out of
 * the login bundle. Call it at the top of the feature's `strings.ts`, which each of its route modules imports.
 */
export function registerStrings(vi: object, en: object) {
  i18n.addResourceBundle('vi', 'translation', vi, true, false);
  i18n.addResourceBundle('en', 'translation', en, true, false);
}
