import type { Messages } from '../../platform/i18n/catalogue.ts';
/** Texts for password reset and invitations (merged into the catalogs in platform/i18n). */
export const resetSv = {
  'reset.forgot': 'Glömt lösenordet?',
  'reset.title': 'Återställ lösenordet',
  'reset.lead':
    'Skriv den e-postadress som du loggar in med. Vi skickar ett e-postmeddelande med en länk där du väljer ett nytt lösenord. Länken gäller i {minutes} minuter och fungerar en gång.',
  'reset.email': 'E-postadress',
  'reset.submit': 'Skicka länken',
  'reset.backToLogin': 'Tillbaka till inloggningen',
  'reset.emailRequired': 'Ange din e-postadress',
  'reset.emailInvalid': 'Ange en e-postadress i rätt format, till exempel namn@goteborg.se',
  'reset.sent':
    'Om adressen finns hos oss har vi skickat en länk till den. Länken gäller i {minutes} minuter. Hittar du inte meddelandet, titta i skräpposten.',
  'reset.locked':
    'Du har bett om för många länkar på kort tid. Av säkerhetsskäl kan du be om en ny länk först om {minutes} minuter.',
  'newPassword.resetTitle': 'Välj ett nytt lösenord',
  'newPassword.resetLead':
    'Välj ett nytt lösenord för kontot {email}. När du har sparat det loggas kontot ut på alla enheter.',
  'newPassword.inviteTitle': 'Välkommen till Vänortsportalen',
  'newPassword.inviteLead':
    'Du har fått ett konto i Vänortsportalen. Välj ett lösenord för kontot {email}, så kan du sedan logga in.',
  'newPassword.password': 'Nytt lösenord',
  'newPassword.passwordHint':
    'Minst {min} tecken. Ett långt lösenord med flera ord är både säkert och lätt att komma ihåg.',
  'newPassword.passwordConfirm': 'Skriv lösenordet en gång till',
  'newPassword.submit': 'Spara lösenordet',
  'newPassword.required': 'Ange ett nytt lösenord',
  'newPassword.confirmRequired': 'Skriv lösenordet en gång till',
  'newPassword.mismatch': 'Lösenorden är inte likadana. Skriv samma lösenord i båda fälten.',
  'flash.passwordSaved': 'Lösenordet är sparat. Logga in med ditt nya lösenord.',
  'link.invalid.title': 'Länken fungerar inte',
  'link.invalid.text':
    'Länken är felaktig eller ofullständig. Kontrollera att du har fått med hela länken från e-postmeddelandet, eller be om en ny länk. Ingenting har ändrats.',
  'link.expired.title': 'Länken har slutat gälla',
  'link.expired.text':
    'Av säkerhetsskäl gäller länken bara en begränsad tid. Be om en ny länk. Ingenting har ändrats.',
  'link.used.title': 'Länken är redan använd',
  'link.used.text':
    'Varje länk fungerar bara en gång. Har du redan valt ett lösenord kan du logga in med det. Annars kan du be om en ny länk.',
  'link.askNew': 'Be om en ny länk',
  'link.login': 'Gå till inloggningen',
  'invite.emailInvalid': 'Ange en e-postadress i rätt format, till exempel namn@goteborg.se',
  'invite.nameRequired': 'Ange personens namn',
  'mail.reset.subject': 'Välj ett nytt lösenord i Vänortsportalen',
  'mail.reset.text':
    'Hej!\n\nNågon, förhoppningsvis du, har bett om att få välja ett nytt lösenord för ditt konto i Vänortsportalen.\n\nÖppna länken för att välja ett nytt lösenord:\n{link}\n\nLänken gäller i {minutes} minuter och fungerar en gång.\n\nHar du inte bett om det här kan du strunta i meddelandet. Ditt lösenord ändras inte.',
  'mail.invite.subject': 'Inbjudan till Vänortsportalen',
  'mail.invite.text':
    'Hej {name}!\n\nDu har fått ett konto i Vänortsportalen, Göteborgs Stads portal för det nordiska vänortssamarbetet.\n\nÖppna länken för att välja ett lösenord:\n{link}\n\nLänken gäller i {days} dagar och fungerar en gång. Därefter loggar du in med din e-postadress och ditt lösenord.',
} as const;

export const resetEn: Record<keyof typeof resetSv, string> = {
  'reset.forgot': 'Forgot your password?',
  'reset.title': 'Reset your password',
  'reset.lead':
    'Enter the e-mail address you log in with. We will send you an e-mail with a link where you choose a new password. The link is valid for {minutes} minutes and works once.',
  'reset.email': 'E-mail address',
  'reset.submit': 'Send the link',
  'reset.backToLogin': 'Back to logging in',
  'reset.emailRequired': 'Enter your e-mail address',
  'reset.emailInvalid': 'Enter an e-mail address in the right format, like name@goteborg.se',
  'reset.sent':
    'If we have that address, we have sent a link to it. The link is valid for {minutes} minutes. If you cannot find the message, look in your spam folder.',
  'reset.locked':
    'You have asked for too many links in a short time. For your security, you can ask for a new link in {minutes} minutes.',
  'newPassword.resetTitle': 'Choose a new password',
  'newPassword.resetLead':
    'Choose a new password for the account {email}. Once you save it, the account is logged out on every device.',
  'newPassword.inviteTitle': 'Welcome to Vänortsportalen',
  'newPassword.inviteLead':
    'You have been given an account in Vänortsportalen. Choose a password for the account {email}, then you can log in.',
  'newPassword.password': 'New password',
  'newPassword.passwordHint':
    'At least {min} characters. A long password of several words is both secure and easy to remember.',
  'newPassword.passwordConfirm': 'Enter the password again',
  'newPassword.submit': 'Save the password',
  'newPassword.required': 'Enter a new password',
  'newPassword.confirmRequired': 'Enter the password again',
  'newPassword.mismatch': 'The passwords are not the same. Enter the same password in both fields.',
  'flash.passwordSaved': 'The password is saved. Log in with your new password.',
  'link.invalid.title': 'The link does not work',
  'link.invalid.text':
    'The link is wrong or incomplete. Check that you have the whole link from the e-mail, or ask for a new link. Nothing has been changed.',
  'link.expired.title': 'The link has expired',
  'link.expired.text':
    'For your security the link is only valid for a limited time. Ask for a new link. Nothing has been changed.',
  'link.used.title': 'The link has already been used',
  'link.used.text':
    'Each link works only once. If you have already chosen a password, you can log in with it. Otherwise, ask for a new link.',
  'link.askNew': 'Ask for a new link',
  'link.login': 'Go to logging in',
  'invite.emailInvalid': 'Enter an e-mail address in the right format, like name@goteborg.se',
  'invite.nameRequired': "Enter the person's name",
  'mail.reset.subject': 'Choose a new password in Vänortsportalen',
  'mail.reset.text':
    'Hello,\n\nSomeone, hopefully you, has asked to choose a new password for your account in Vänortsportalen.\n\nOpen the link to choose a new password:\n{link}\n\nThe link is valid for {minutes} minutes and works once.\n\nIf you did not ask for this, you can ignore this message. Your password does not change.',
  'mail.invite.subject': 'Invitation to Vänortsportalen',
  'mail.invite.text':
    "Hello {name},\n\nYou have been given an account in Vänortsportalen, the City of Gothenburg's portal for the Nordic twin-city cooperation.\n\nOpen the link to choose a password:\n{link}\n\nThe link is valid for {days} days and works once. After that, you log in with your e-mail address and your password.",
};

declare module '../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends Messages<typeof resetSv> {}
}
