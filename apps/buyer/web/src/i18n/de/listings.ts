import type { listings as en } from '../en/listings';

/** Die Angebotsseite. */
export const listings: typeof en = {
  supplier: 'Lieferant',
  verified: 'Verifiziert',
  rating: '★ {{average}} ({{count}} Bewertungen)',
  yourPrice_one: 'Ihr Stückpreis bei {{count}} Stück',
  yourPrice_other: 'Ihr Stückpreis bei {{count}} Stück',
  total: 'gesamt',
  moq: 'Mindestmenge',
  leadTime: 'Lieferzeit',
  days_one: '{{count}} Tag',
  days_other: '{{count}} Tage',
  availability: 'Verfügbarkeit',
  availabilities: { in_stock: 'Auf Lager', made_to_order: 'Auf Bestellung' },
  country: 'Versand aus',
  certifications: 'Zertifizierungen',
  tiers: 'Staffelpreise',
  fromQuantity: 'Ab Menge',
  unitPrice: 'Stückpreis',
  attributes: 'Merkmale',
  quantity: 'Menge',
  addToCart: 'In den Warenkorb',
  added: 'Zum Warenkorb hinzugefügt.',
  askForQuote: 'Angebot anfragen',
};
