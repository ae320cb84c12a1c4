import type { Messages } from '../../platform/i18n/catalogue.ts';
/** Texts for two-step verification (merged into the catalogs in platform/i18n). */
export const mfaSv = {
  'mfa.title': 'Tvåstegsverifiering',
  'mfa.lead':
    'Med tvåstegsverifiering loggar du in med både ditt lösenord och en engångskod från en app i mobilen, till exempel Microsoft Authenticator, Google Authenticator eller FreeOTP. Då räcker det inte att någon känner till ditt lösenord.',
  'mfa.status': 'Status',
  'mfa.status.on': 'Aktiverad. Inloggningen kräver en kod från appen.',
  'mfa.status.off': 'Inte aktiverad.',
  'mfa.status.enrolling': 'Inte klar. Lägg till kontot i appen och bekräfta med en kod.',
  'mfa.required':
    'Din roll kräver tvåstegsverifiering. Aktivera den för att kunna använda Vänortsportalen.',
  'mfa.requiredOn':
    'Din roll kräver tvåstegsverifiering, så den kan inte stängas av. Har du tappat bort mobilen eller appen, kontakta en systemförvaltare.',
  'mfa.localOnly':
    'Tvåstegsverifiering gäller konton som loggar in med lösenord. Du loggar in med stadens gemensamma inloggning, som har en egen tvåstegsverifiering.',
  'mfa.start': 'Aktivera tvåstegsverifiering',
  'mfa.restart': 'Börja om med en ny nyckel',
  'mfa.step1': '1. Lägg till kontot i appen',
  'mfa.step1Lead':
    'Skanna QR-koden med appen. Går det inte, välj att skriva in en nyckel i appen och skriv nyckeln nedan (tidsbaserad, 6 siffror, 30 sekunder).',
  'mfa.qrLabel': 'QR-kod som lägger till kontot {email} i en autentiseringsapp',
  'mfa.secret': 'Nyckel att skriva in i appen',
  'mfa.uri': 'Länk för appen (otpauth)',
  'mfa.step2': '2. Bekräfta med en kod från appen',
  'mfa.code': 'Kod från appen',
  'mfa.codeHint': 'Sex siffror. Koden byts var 30:e sekund.',
  'mfa.confirm': 'Bekräfta och aktivera',
  'mfa.disableTitle': 'Stäng av tvåstegsverifiering',
  'mfa.disableLead':
    'Ange en aktuell kod från appen för att stänga av tvåstegsverifieringen. Därefter räcker lösenordet för att logga in.',
  'mfa.disable': 'Stäng av tvåstegsverifiering',
  'mfa.codeRequired': 'Ange koden från appen',
  'mfa.codeFormat': 'Koden ska vara sex siffror, till exempel 123456',
  'mfa.codeWrong':
    'Koden stämmer inte. Kontrollera att du använder rätt konto i appen och att klockan i mobilen går rätt, och försök igen med en ny kod.',
  'mfa.codeUsed': 'Koden har redan använts. Vänta tills appen visar en ny kod och ange den.',
  'mfa.notEnrolling':
    'Börja med att aktivera tvåstegsverifiering, så får du en QR-kod och en nyckel till appen.',
  'mfa.notEnabled': 'Tvåstegsverifiering är inte aktiverad för ditt konto.',
  'mfa.disableRequired': 'Din roll kräver tvåstegsverifiering, så den kan inte stängas av.',
  'mfa.alreadyEnabled': 'Tvåstegsverifiering är redan aktiverad.',
  'mfa.flash.enrollStarted': 'Lägg till kontot i appen och bekräfta med en kod.',
  'mfa.flash.enabled':
    'Tvåstegsverifiering är aktiverad. Nästa gång du loggar in behöver du en kod från appen.',
  'mfa.flash.disabled': 'Tvåstegsverifiering är avstängd.',
  'mfa.login.title': 'Ange koden från appen',
  'mfa.login.lead':
    'Ditt konto har tvåstegsverifiering. Öppna autentiseringsappen i mobilen och ange den sexsiffriga koden för Vänortsportalen.',
  'mfa.login.submit': 'Logga in',
  'mfa.login.cancel': 'Avbryt inloggningen',
  'mfa.login.expired': 'Inloggningen avbröts eller tog för lång tid. Logga in igen.',
  'mfa.login.lost':
    'Har du tappat bort mobilen eller appen? Kontakta en systemförvaltare, som kan återställa tvåstegsverifieringen.',
  'admin.security': 'Säkerhet',
  'admin.security.title': 'Tvåstegsverifiering per roll',
  'admin.security.lead':
    'Välj de roller som måste använda tvåstegsverifiering. Den som har en sådan roll men inte har aktiverat tvåstegsverifiering skickas efter inloggningen till sidan där den aktiveras, och kan inte använda något annat innan dess. Konton som loggar in med stadens gemensamma inloggning berörs inte.',
  'admin.security.legend': 'Roller som måste använda tvåstegsverifiering',
  'admin.security.save': 'Spara',
  'mfa.admin.badRole': 'Välj bara bland rollerna i listan',
  'mfa.admin.on': 'Tvåstegsverifiering aktiverad',
  'mfa.admin.off': 'Tvåstegsverifiering inte aktiverad',
  'mfa.admin.reset': 'Återställ tvåstegsverifiering',
  'mfa.admin.resetHint':
    'Gör det om användaren har tappat bort mobilen eller appen. Användaren loggar sedan in med bara lösenordet och kan aktivera tvåstegsverifiering på nytt.',
  'mfa.flash.reset': 'Tvåstegsverifieringen för {email} är återställd.',
} as const;

export const mfaEn: Record<keyof typeof mfaSv, string> = {
  'mfa.title': 'Two-step verification',
  'mfa.lead':
    'With two-step verification you log in with both your password and a one-time code from an app on your phone, such as Microsoft Authenticator, Google Authenticator or FreeOTP. Then knowing your password is not enough for anyone else.',
  'mfa.status': 'Status',
  'mfa.status.on': 'On. Logging in needs a code from the app.',
  'mfa.status.off': 'Off.',
  'mfa.status.enrolling': 'Not finished. Add the account to the app and confirm with a code.',
  'mfa.required':
    'Your role requires two-step verification. Turn it on to be able to use Vänortsportalen.',
  'mfa.requiredOn':
    'Your role requires two-step verification, so it cannot be turned off. If you have lost your phone or the app, contact an administrator.',
  'mfa.localOnly':
    "Two-step verification is for accounts that log in with a password. You log in with the city's single sign-on, which has its own two-step verification.",
  'mfa.start': 'Turn on two-step verification',
  'mfa.restart': 'Start over with a new key',
  'mfa.step1': '1. Add the account to the app',
  'mfa.step1Lead':
    'Scan the QR code with the app. If you cannot, choose to enter a key in the app and type the key below (time-based, 6 digits, 30 seconds).',
  'mfa.qrLabel': 'QR code that adds the account {email} to an authenticator app',
  'mfa.secret': 'Key to enter in the app',
  'mfa.uri': 'Link for the app (otpauth)',
  'mfa.step2': '2. Confirm with a code from the app',
  'mfa.code': 'Code from the app',
  'mfa.codeHint': 'Six digits. The code changes every 30 seconds.',
  'mfa.confirm': 'Confirm and turn on',
  'mfa.disableTitle': 'Turn off two-step verification',
  'mfa.disableLead':
    'Enter a current code from the app to turn two-step verification off. After that, the password is enough to log in.',
  'mfa.disable': 'Turn off two-step verification',
  'mfa.codeRequired': 'Enter the code from the app',
  'mfa.codeFormat': 'The code is six digits, for example 123456',
  'mfa.codeWrong':
    'The code is not right. Check that you use the right account in the app and that the clock of your phone is right, and try again with a new code.',
  'mfa.codeUsed':
    'The code has already been used. Wait for the app to show a new code and enter it.',
  'mfa.notEnrolling':
    'Start by turning on two-step verification; you then get a QR code and a key for the app.',
  'mfa.notEnabled': 'Two-step verification is not on for your account.',
  'mfa.disableRequired': 'Your role requires two-step verification, so it cannot be turned off.',
  'mfa.alreadyEnabled': 'Two-step verification is already on.',
  'mfa.flash.enrollStarted': 'Add the account to the app and confirm with a code.',
  'mfa.flash.enabled':
    'Two-step verification is on. The next time you log in, you need a code from the app.',
  'mfa.flash.disabled': 'Two-step verification is off.',
  'mfa.login.title': 'Enter the code from the app',
  'mfa.login.lead':
    'Your account has two-step verification. Open the authenticator app on your phone and enter the six-digit code for Vänortsportalen.',
  'mfa.login.submit': 'Log in',
  'mfa.login.cancel': 'Cancel logging in',
  'mfa.login.expired': 'The login was cancelled or took too long. Log in again.',
  'mfa.login.lost':
    'Have you lost your phone or the app? Contact an administrator, who can reset two-step verification.',
  'admin.security': 'Security',
  'admin.security.title': 'Two-step verification by role',
  'admin.security.lead':
    "Choose the roles that must use two-step verification. Someone with such a role who has not turned it on is sent to the page where it is turned on after logging in, and cannot use anything else until then. Accounts that log in with the city's single sign-on are not affected.",
  'admin.security.legend': 'Roles that must use two-step verification',
  'admin.security.save': 'Save',
  'mfa.admin.badRole': 'Choose only among the roles in the list',
  'mfa.admin.on': 'Two-step verification on',
  'mfa.admin.off': 'Two-step verification off',
  'mfa.admin.reset': 'Reset two-step verification',
  'mfa.admin.resetHint':
    'Do this when the user has lost their phone or the app. The user then logs in with the password only and can turn two-step verification on again.',
  'mfa.flash.reset': 'Two-step verification for {email} has been reset.',
};

declare module '../../platform/i18n/catalogue.ts' {
  interface MessageCatalogue extends Messages<typeof mfaSv> {}
}
