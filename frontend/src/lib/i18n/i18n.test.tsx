import vi from './locales/vi.json';
import en from './locales/en.json';
import { LANGUAGE_STORAGE_KEY } from '@/config/locale';
import { renderApp, screen, waitFor } from '@/testing/test-utils';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('translations', () => {
  it('has the same keys in Vietnamese and English', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('has the same keys in Vietnamese and English in every feature\'s own strings', () => {
    const files = import.meta.glob<{ default: object }>('/src/features/**/locales/*.json', { eager: true });
    const folders = new Set(Object.keys(files).map((f) => f.replace(/[^/]+\.json$/, '')));
    expect(folders.size).toBeGreaterThan(0);
    for (const folder of folders) {
      expect({ folder, keys: keys(files[`${folder}en.json`]?.default ?? {}).sort() }).toEqual({
        folder,
        keys: keys(files[`${folder}vi.json`]?.default ?? {}).sort(),
      });
    }
  });

  it('switches the login page to English and remembers the choice', async () => {
    const app = renderApp('/login');
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' }, { timeout: 20_000 })).toBeInTheDocument();
    await app.user.click(screen.getByTitle('English'));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toBeInTheDocument();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });
});
