import type { buyer as en } from '../en/buyer';

export const buyer: typeof en = {
  nav: { account: 'Mein Konto', home: 'Start', search: 'Suche', compare: 'Vergleich', rfqs: 'Anfragen', cart: 'Warenkorb', approvals: 'Freigaben', orders: 'Bestellungen', notifications: 'Benachrichtigungen', settings: 'Firma' },
  home: { approvalThreshold: 'Freigabe nötig ab', title: 'Übersicht', company: 'Ihre Firma', role: 'Ihre Rolle', twoFactor: 'Zwei-Faktor-Anmeldung', on: 'Ein', off: 'Aus' },
};
