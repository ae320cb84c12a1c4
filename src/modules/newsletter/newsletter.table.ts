/** Subscribers (migration 0014). Status: pending (not confirmed) | confirmed | unsubscribed. */
export interface NewsletterSubscriberTable {
  id: string;
  /** Lower-cased and trimmed; personal data, never on a public page. */
  email: string;
  language: string;
  /** City slugs separated by commas. */
  topics: string;
  status: string;
  confirm_token_hash: string | null;
  confirm_expires_at: string | null;
  confirmed_at: string | null;
  manage_token: string;
  unsubscribed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** An issue of the newsletter. Status: draft | sending | sent. */
export interface NewsletterIssueTable {
  id: string;
  status: string;
  /** City slugs separated by commas; empty: every subscriber. */
  topics: string;
  digest_since: string | null;
  created_by: string | null;
  sent_by: string | null;
  created_at: string;
  updated_at: string;
  send_started_at: string | null;
  sent_at: string | null;
}

/** One language version of an issue (Swedish required to send). */
export interface NewsletterIssueTextTable {
  issue_id: string;
  lang: string;
  subject: string;
  body: string;
}

/** One recipient of one issue (unique per issue and subscriber). */
export interface NewsletterDeliveryTable {
  id: string;
  issue_id: string;
  subscriber_id: string | null;
  /** queued | sending | sent | failed */
  status: string;
  attempts: number;
  language: string | null;
  last_error: string | null;
  next_attempt_at: string | null;
  claimed_at: string | null;
  sent_at: string | null;
  updated_at: string;
}

declare module '../../db/database.ts' {
  interface Database {
    newsletter_subscriber: NewsletterSubscriberTable;
    newsletter_issue: NewsletterIssueTable;
    newsletter_issue_text: NewsletterIssueTextTable;
    newsletter_delivery: NewsletterDeliveryTable;
  }
}
