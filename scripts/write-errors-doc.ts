// Writes docs/errors.md from the error catalogue (committed; a test fails on drift).
import { writeFileSync } from 'node:fs';
import '../src/modules/registry.ts';
import { renderErrorsDoc } from '../src/platform/errors-doc.ts';

writeFileSync('docs/errors.md', renderErrorsDoc());
console.log('wrote docs/errors.md');
