// Just enough of two untyped test libraries for the open-data tests.

declare module 'rdf-ext' {
  import type { DatasetCore, Quad } from '@rdfjs/types';
  interface RdfExtDataset extends DatasetCore {
    addAll(quads: Iterable<Quad>): RdfExtDataset;
    toCanonical(): string;
  }
  const rdf: { dataset(quads?: Iterable<Quad>): RdfExtDataset };
  export default rdf;
  type Factory = abstract new (...args: never[]) => unknown;
  export const DataFactory: Factory;
  export const DatasetFactory: Factory;
  export const NamespaceFactory: Factory;
  export const TermMapFactory: Factory;
  export class Environment {
    constructor(factories: Factory[]);
  }
}

declare module 'clownface/Factory.js' {
  const ClownfaceFactory: abstract new (...args: never[]) => unknown;
  export default ClownfaceFactory;
}

declare module 'jsonld' {
  const jsonld: {
    toRDF(input: object, options: { format: 'application/n-quads' }): Promise<string>;
  };
  export default jsonld;
}
