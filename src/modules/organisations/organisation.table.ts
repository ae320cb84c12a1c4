export interface OrganisationTable {
  id: string;
  slug: string;
  name: string;
  kind: string; // administration | company
  email: string | null;
  active: number; // 1 | 0 (portable boolean)
  created_at: string;
  updated_at: string;
}

declare module '../../db/database.ts' {
  interface Database {
    organisation: OrganisationTable;
  }
}
