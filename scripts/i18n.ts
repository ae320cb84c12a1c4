// `npm run i18n:types`: writes messages/keys.ts beside every catalogue (`--check` fails on drift).
// `npm run i18n:check`: prints the state of every catalogue; exits 1 when one is incomplete.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { allStates, catalogueDirs, renderKeysFile } from '../src/platform/i18n/tooling.ts';

const [command, flag] = process.argv.slice(2);

if (command === 'types') {
  let stale = 0;
  for (const dir of catalogueDirs()) {
    const file = join(dir, 'keys.ts');
    const text = renderKeysFile(dir);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (current === text) continue;
    if (flag === '--check') {
      console.error(`${relative(process.cwd(), file)} is not current: run npm run i18n:types`);
      stale++;
    } else {
      writeFileSync(file, text);
      console.log(`wrote ${relative(process.cwd(), file)}`);
    }
  }
  process.exit(stale ? 1 : 0);
} else if (command === 'check') {
  let problems = 0;
  const rows = allStates().map((s) => {
    const bad =
      s.missing.length + s.empty.length + s.extra.length + s.argsDiffer.length + s.broken.length;
    problems += bad;
    return {
      catalogue: relative(process.cwd(), s.dir),
      lang: s.locale,
      keys: s.keys,
      translated: s.translated,
      missing: s.missing.length,
      empty: s.empty.length,
      extra: s.extra.length,
      'args differ': s.argsDiffer.length,
      broken: s.broken.length,
      'same as sv/en': s.untranslated.length,
    };
  });
  console.table(rows);
  for (const s of allStates()) {
    for (const [what, keys] of [
      ['missing', s.missing],
      ['empty', s.empty],
      ['extra', s.extra],
      ['arguments differ from Swedish', s.argsDiffer],
      ['not valid ICU', s.broken],
    ] as const) {
      if (keys.length && flag === '--verbose') {
        console.log(
          `${relative(process.cwd(), s.dir)}/${s.locale}.json ${what}: ${keys.join(', ')}`,
        );
      }
    }
  }
  console.log(
    problems ? `${problems} problems (--verbose lists them)` : 'every catalogue is complete',
  );
  process.exit(problems ? 1 : 0);
} else {
  console.error('usage: tsx scripts/i18n.ts types [--check] | check [--verbose]');
  process.exit(2);
}
