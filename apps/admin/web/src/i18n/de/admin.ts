import type { admin as en } from '../en/admin';

export const admin: typeof en = {
  nav: { home: 'Start' },
  home: { title: 'Übersicht', roles: 'Ihre Rollen', twoFactor: 'Zwei-Faktor-Anmeldung', on: 'Ein', off: 'Aus' },
};
