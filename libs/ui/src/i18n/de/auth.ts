import type { auth as en } from '../en/auth';

export const auth: typeof en = {
  signIn: { title: 'Anmelden', submit: 'Anmelden', noAccount: 'Noch kein Konto?', signUpLink: 'Firmenkonto anlegen', forgot: 'Passwort vergessen?', failed: 'E-Mail oder Passwort ist falsch.' },
  signUp: { title: 'Firmenkonto anlegen', submit: 'Konto anlegen', company: 'Firma', owner: 'Sie (Inhaber)', haveAccount: 'Schon ein Konto?', signInLink: 'Anmelden' },
  fields: {
    email: 'E-Mail',
    password: 'Passwort',
    fullName: 'Vollständiger Name',
    legalName: 'Firmenname laut Register',
    country: 'Land (ISO-Code, z. B. DE)',
    registrationNumber: 'Registernummer',
    code: 'Sechsstelliger Code',
    newPassword: 'Neues Passwort',
  },
  twoFactor: {
    title: 'Anmeldung mit zweitem Faktor',
    prompt: 'Geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein.',
    submit: 'Bestätigen',
    setupTitle: 'Zwei-Faktor-Anmeldung einrichten',
    setupPrompt: 'Ihre Firma verlangt die Zwei-Faktor-Anmeldung. Fügen Sie diesen Schlüssel Ihrer Authenticator-App hinzu und geben Sie den angezeigten Code ein.',
    secret: 'Schlüssel',
    enable: 'Zwei-Faktor-Anmeldung einschalten',
    enabled: 'Die Zwei-Faktor-Anmeldung ist eingeschaltet.',
    begin: 'Zwei-Faktor-Anmeldung einrichten',
  },
  invitation: { title: 'Einladung annehmen', prompt: 'Wählen Sie Ihren Namen und Ihr Passwort, um der Firma beizutreten.', submit: 'Firma beitreten', missingToken: 'Dieser Einladungslink ist unvollständig.' },
  reset: { requestTitle: 'Passwort zurücksetzen', requestSubmit: 'Link senden', requested: 'Wenn die Adresse bekannt ist, ist ein Link unterwegs.', title: 'Neues Passwort wählen', submit: 'Passwort setzen', done: 'Ihr Passwort ist geändert. Melden Sie sich mit dem neuen an.' },
  verify: { title: 'E-Mail bestätigen', verifying: 'Wird bestätigt…', done: 'Ihre E-Mail-Adresse ist bestätigt.', failed: 'Dieser Link ist ungültig oder abgelaufen.' },
  expired: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  signedOut: 'Sie sind abgemeldet.',
};
