import { describe, it } from 'node:test';
import { expect } from 'expect';
import { maskContacts, MASK } from './contact-masking';
import { HIDDEN_BODY, StoredMessage, viewMessage } from './message-view';
import { parseOffer } from './offer';

describe('contact masking', () => {
  it('masks e-mails, phone numbers and links', () => {
    for (const text of ['mail me: jane.doe@acme.example', 'jane (at) acme.com', 'call +49 30 1234 5678', 'tel 0049-30-12345678', 'see https://acme.example/x', 'www.acme.de', 'visit acme-bolts.com/shop']) {
      const { masked, found } = maskContacts(text);
      expect({ text, found }).toEqual({ text, found: true });
      expect(masked).toContain(MASK);
    }
  });

  it('leaves quantities, prices, dates and plain text alone', () => {
    for (const text of ['1000 pcs at 12.50 EUR', 'delivery 2027-03-01', 'lead time 14 days, MOQ 500', 'M8x40 bolts, grade 8.8']) {
      expect(maskContacts(text)).toEqual({ masked: text, found: false });
    }
  });
});

describe('message view', () => {
  const m: StoredMessage = {
    id: 'm1',
    threadId: 't1',
    seq: 1,
    senderUserId: 'u1',
    senderSide: 'supplier',
    kind: 'text',
    body: 'mail sales@x.example',
    maskedBody: `mail ${MASK}`,
    offer: null,
    offerStatus: null,
    offerRevision: null,
    hidden: false,
    createdAt: '2027-01-01T00:00:00Z',
  };

  it('masks for the other party before the award, never for the sender or operators', () => {
    expect(viewMessage(m, 'buyer', { maskContacts: true, revealed: false })).toMatchObject({ body: `mail ${MASK}`, masked: true });
    expect(viewMessage(m, 'supplier', { maskContacts: true, revealed: false })).toMatchObject({ body: 'mail sales@x.example', masked: false });
    expect(viewMessage(m, 'buyer', { maskContacts: true, revealed: true }).body).toBe('mail sales@x.example');
    expect(viewMessage(m, 'buyer', { maskContacts: false, revealed: false }).body).toBe('mail sales@x.example');
    expect(viewMessage(m, 'operator', { maskContacts: true, revealed: false }).body).toBe('mail sales@x.example');
  });

  it('shows a hidden message as removed to both parties', () => {
    expect(viewMessage({ ...m, hidden: true }, 'supplier', { maskContacts: true, revealed: false }).body).toBe(HIDDEN_BODY);
    expect(viewMessage({ ...m, hidden: true }, 'operator', { maskContacts: true, revealed: false }).body).toBe('mail sales@x.example');
  });
});

describe('offer payloads', () => {
  const id = '0b7a2f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
  it('accepts a well-formed offer and drops nothing it needs', () => {
    expect(parseOffer({ lines: [{ rfqLineId: id, unitPrice: 10, quantity: 5 }], leadTimeDays: 3, paymentTerms: 'net_30' })).toEqual({ lines: [{ rfqLineId: id, unitPrice: 10, quantity: 5 }], leadTimeDays: 3, paymentTerms: 'net_30' });
  });
  it('rejects malformed offers with the field named', () => {
    expect(() => parseOffer('x')).toThrow(/offer/);
    expect(() => parseOffer({ lines: [] })).toThrow(/offer.lines/);
    expect(() => parseOffer({ lines: [{ rfqLineId: 'nope', unitPrice: 1 }] })).toThrow(/rfqLineId/);
    expect(() => parseOffer({ lines: [{ rfqLineId: id, unitPrice: -1 }] })).toThrow(/unitPrice/);
    expect(() => parseOffer({ lines: [{ rfqLineId: id, unitPrice: 1.5 }] })).toThrow(/unitPrice/);
    expect(() => parseOffer({ lines: [{ rfqLineId: id, unitPrice: 1 }], paymentTerms: 'net_90' })).toThrow(/paymentTerms/);
    expect(() => parseOffer({ lines: [{ rfqLineId: id, unitPrice: 1 }], extra: 1 })).toThrow(/extra/);
  });
});
