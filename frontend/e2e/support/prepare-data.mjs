// Run by `npm run test:e2e` before the test files: seeds the demo once into a data dir that every file's backend
// starts from a copy of (see backend.mjs). When it fails the files are not stopped: each seeds its own data as before,
// and the backend's failure shows in the files' own results.
import { prepareDataTemplate } from './backend.mjs';

const started = Date.now();
try {
  await prepareDataTemplate();
  console.log(`e2e: demo data seeded once in ${((Date.now() - started) / 1000).toFixed(1)} s; each test file starts on a copy`);
} catch (error) {
  console.log(`e2e: no shared demo data (${error.message.split('\n')[0]}); each test file seeds its own`);
}
