import { randomUUID } from 'node:crypto';

/** A new opaque identifier for a row. */
export const newId = (): string => randomUUID();
