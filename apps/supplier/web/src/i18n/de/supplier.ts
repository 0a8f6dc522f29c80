import type { supplier as en } from '../en/supplier';

export const supplier: typeof en = {
  nav: { account: 'Mein Konto', home: 'Start' },
  home: { title: 'Übersicht', company: 'Ihre Firma', role: 'Ihre Rolle', twoFactor: 'Zwei-Faktor-Anmeldung', on: 'Ein', off: 'Aus' },
};
