import type { Messages } from '../../platform/i18n/catalogue.ts';
/** Texts of single sign-on with OpenID Connect (merged into the catalogs in platform/i18n). */
export const oidcSv = {
  'oidc.login': 'Logga in med stadens konto (SSO)',
  'oidc.or': 'Eller logga in med e-postadress och lösenord:',
  'oidc.error.state':
    'Inloggningen med stadens konto kunde inte slutföras: svaret kom inte från den här inloggningen eller har gått ut. Försök igen.',
  'oidc.error.provider':
    'Inloggningstjänsten avbröt eller godkände inte inloggningen. Försök igen, eller logga in med e-postadress och lösenord.',
  'oidc.error.claims':
    'Inloggningstjänsten skickade inte de uppgifter som behövs (en bekräftad e-postadress). Kontakta en systemförvaltare.',
  'oidc.error.deactivated':
    'Ditt konto i Vänortsportalen är avstängt. Kontakta en systemförvaltare om du behöver åtkomst.',
  'oidc.error.conflict':
    'Kontot med den här e-postadressen är redan kopplat till en annan inloggning. Kontakta en systemförvaltare.',
  'oidc.error.config':
    'Inloggning med stadens konto är felaktigt inställd just nu. Kontakta en systemförvaltare.',
  'oidc.error.unavailable':
    'Stadens inloggningstjänst svarar inte just nu. Försök igen om en stund, eller logga in med e-postadress och lösenord.',
} as const;

export const oidcEn: Record<keyof typeof oidcSv, string> = {
  'oidc.login': "Log in with the city's account (SSO)",
  'oidc.or': 'Or log in with e-mail address and password:',
  'oidc.error.state':
    "The login with the city's account could not be completed: the answer did not belong to this login or has expired. Please try again.",
  'oidc.error.provider':
    'The login service cancelled or did not approve the login. Please try again, or log in with e-mail address and password.',
  'oidc.error.claims':
    'The login service did not send the details needed (a verified e-mail address). Please contact an administrator.',
  'oidc.error.deactivated':
    'Your account in Vänortsportalen is deactivated. Please contact an administrator if you need access.',
  'oidc.error.conflict':
    'The account with this e-mail address is already linked to another login. Please contact an administrator.',
  'oidc.error.config':
    "Login with the city's account is misconfigured at the moment. Please contact an administrator.",
  'oidc.error.unavailable':
    "The city's login service is not answering at the moment. Please try again shortly, or log in with e-mail address and password.",
};

declare module '../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends Messages<typeof oidcSv> {}
}
