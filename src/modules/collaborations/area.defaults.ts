/**
 * The default policy areas of issue 6 (P7): slug, Swedish name, English name, in their
 * order. The one list: the registry (area.service.ts) seeds the missing ones by slug, and
 * the import and the demo data go through the registry. A coordinator may later rename,
 * add and deactivate areas.
 *
 * Migration 0011 repairs areas an earlier import created from a diverged copy of this list
 * ("Social välfärd" instead of "Socialtjänst"); it holds its own copy of those two names,
 * as migrations never import app code.
 */
export const DEFAULT_AREAS = [
  ['school', 'Skola', 'School'],
  ['social-welfare', 'Socialtjänst', 'Social welfare'],
  ['gender-equality', 'Jämställdhet', 'Gender equality'],
  ['leisure', 'Fritid', 'Leisure'],
  ['health-and-sport', 'Hälsa och idrott', 'Health and sport'],
  ['culture', 'Kultur', 'Culture'],
  ['business', 'Näringsliv', 'Business'],
  ['urban-development-and-climate', 'Stadsutveckling och klimat', 'Urban development and climate'],
] as const;
