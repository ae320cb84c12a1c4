// `npm run build`: copies what tsc does not emit into dist (static files, message catalogues).
import { cpSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

cpSync('src/ui/public', 'dist/src/ui/public', { recursive: true });
cpSync('src/ui/styles', 'dist/src/ui/styles', { recursive: true });
cpSync('src/assets', 'dist/src/assets', { recursive: true });
const dirs = ['src/platform/i18n/messages'];
for (const name of readdirSync('src/modules')) {
  const dir = join('src/modules', name, 'messages');
  if (existsSync(dir)) dirs.push(dir);
}
for (const dir of dirs) {
  cpSync(dir, join('dist', dir), { recursive: true, filter: (f) => !f.endsWith('.ts') });
}
