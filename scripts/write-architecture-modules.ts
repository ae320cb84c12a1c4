// Rewrites the module table of docs/architecture.md from the module descriptors
// (src/modules/registry.ts), formatted by Prettier. A test fails when the committed table drifts.
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { modules } from '../src/modules/registry.ts';
import { routePluginNames, withModuleTable } from './architecture-doc.ts';

const path = 'docs/architecture.md';
const options = (await resolveConfig(path)) ?? {};
const doc = withModuleTable(readFileSync(path, 'utf8'), modules, await routePluginNames(modules));
writeFileSync(path, await format(doc, { ...options, filepath: path }));
console.log(`wrote the module table of ${path}`);
