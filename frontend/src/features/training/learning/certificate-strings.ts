import { registerStrings } from '@/lib/i18n/register-strings';
import vi from './certificates-locales/vi.json';
import en from './certificates-locales/en.json';

registerStrings(vi, en);
