import type { cart as en } from '../en/cart';

/** Warenkorb und Bestellung. */
export const cart: typeof en = {
  title: 'Warenkorb',
  empty: 'Ihr Warenkorb ist leer.',
  supplierGroup: 'Lieferant {{n}}',
  total: 'Summe',
  poNumber: 'Bestellnummer (PO)',
  deliveryAddress: 'Lieferadresse',
  deliveryCountry: 'Lieferland (ISO-Code)',
  paymentTerms: 'Zahlungsziel (Rechnung)',
  terms: { prepaid: 'Vorkasse', net_15: '15 Tage netto', net_30: '30 Tage netto', net_60: '60 Tage netto' },
  placeOrder: 'Bestellung aufgeben',
  placed_one: '{{count}} Bestellung aufgegeben',
  placed_other: '{{count}} Bestellungen aufgegeben',
  orders: 'Ihre Bestellungen',
  order: 'Bestellung {{number}}',
};
