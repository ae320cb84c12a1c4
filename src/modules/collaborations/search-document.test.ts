import { describe, expect, it } from 'vitest';
import { collaborationSearchDocument, exchangeSearchDocument } from './search-document.ts';

describe('search documents (the contract with the import)', () => {
  it('builds a collaboration document from title, goals, results, areas and tags', () => {
    expect(
      collaborationSearchDocument({
        id: 'c1',
        organisation_id: 'o1',
        starts_on: '2024-03-04',
        visibility: 'internal',
        title: 'Klimatanpassning',
        goals: 'Mål',
        results: null,
        areaNamesSv: ['Skola', 'Kultur'],
        strategy_tags: ' Klimat , Barn och unga,',
        cityIds: ['0f1e-AB'],
        areaIds: ['a-1', 'a-2'],
      }),
    ).toEqual({
      id: 'c1',
      entity: 'collaboration',
      organisation_id: 'o1',
      year: 2024,
      visibility: 'internal',
      title: 'Klimatanpassning',
      body: 'Mål\n\nSkola, Kultur\nKlimat, Barn och unga',
      facets: 'oo1 y2024 c0f1eab aa1 aa2',
    });
  });

  it('builds an exchange document with the first 200 characters of the activities as title', () => {
    const activities = 'å'.repeat(250);
    const doc = exchangeSearchDocument({
      id: 'e1',
      organisation_id: 'o1',
      occurred_on: '2025-09-15',
      visibility: 'public',
      activities,
      learnings: 'Lärdom',
      city_id: 'city-1',
      areaIds: ['area-9'],
    });
    expect(doc.title).toHaveLength(200);
    expect(doc).toMatchObject({
      entity: 'exchange',
      year: 2025,
      body: `${activities}\nLärdom`,
      facets: 'oo1 y2025 ccity1 aarea9',
    });
  });
});
