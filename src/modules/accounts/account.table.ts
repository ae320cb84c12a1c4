export interface AppUserTable {
  id: string;
  email: string; // lower-cased
  name: string;
  password_hash: string | null;
  active: number; // 1 | 0
  totp_secret: string | null;
  totp_enabled: number; // 1 | 0
  oidc_subject: string | null;
  last_login_at: string | null;
  /** sv | en | da | nb | fi: the language of the person's mails and workspace (0012). */
  language: string;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
  organisation_id: string | null;
  city_id: string | null;
}

export interface SessionTable {
  id: string; // sha256 of the cookie value
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string; // absolute end of life
  ip: string | null;
  user_agent: string | null;
}

export interface UserTokenTable {
  id: string; // sha256 of the token sent by mail
  user_id: string;
  kind: string; // reset | invite
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginAttemptTable {
  id: string;
  kind: string; // login | reset
  email: string | null;
  ip: string | null;
  succeeded: number;
  occurred_at: string;
}

declare module '../../db/database.ts' {
  interface Database {
    app_user: AppUserTable;
    user_role: UserRoleTable;
    session: SessionTable;
    user_token: UserTokenTable;
    api_token: ApiTokenTable;
    login_attempt: LoginAttemptTable;
  }
}
