/** The record of every scheduled job run (platform/scheduler.ts). */
export interface JobRunTable {
  id: string;
  job: string;
  started_at: string;
  finished_at: string | null;
  outcome: string | null; // ok | failed
  details: string | null;
  /** The cron minute a scheduled run fires for (ISO UTC); null for runs started by hand. */
  due_at: string | null;
}

declare module '../db/database.ts' {
  interface Database {
    job_run: JobRunTable;
  }
}
