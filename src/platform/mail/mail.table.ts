export interface MailOutboxTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  created_at: string;
}

declare module '../../db/database.ts' {
  interface Database {
    mail_outbox: MailOutboxTable;
  }
}
