import { registerStrings } from '@/lib/i18n/register-strings';
import vi from './locales/vi.json';
import en from './locales/en.json';

registerStrings(vi, en);
