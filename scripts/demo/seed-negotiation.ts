import { ChatService } from '@kontor/chat';
import { QuotesService, RfqsService } from '@kontor/negotiation';
import type { DemoContext } from './demo-context';

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

/** An open RFQ from the first buyer to the three demo suppliers: two quotes, one decline, and a negotiation thread with an open counter-offer. */
export async function seedNegotiation(ctx: DemoContext): Promise<void> {
  const rfqs = ctx.apps.buyer.get(RfqsService);
  const quotes = ctx.apps.supplier.get(QuotesService);
  const chat = ctx.apps.buyer.get(ChatService);
  const supplierChat = ctx.apps.supplier.get(ChatService);
  const [buyer] = ctx.buyers;
  const [s1, s2, s3] = ctx.suppliers;
  const draft = await rfqs.create(buyer.actor, {
    title: 'Hex bolts and washers for the Q3 line',
    description: 'Zinc-plated, delivered on EUR pallets.',
    currency: 'EUR',
    deliveryCountry: 'DE',
    deliveryAddress: 'Hafenstrasse 1, 20457 Hamburg',
    neededBy: days(60).slice(0, 10),
    responseDeadline: days(10),
    paymentTerms: 'net_30',
    attachments: ['https://example.com/drawings/bolt-m8.pdf'],
    lines: [
      { description: 'Hex bolt M8x40, grade 8.8, zinc', quantity: 5000, unit: 'pcs', targetUnitPrice: 9, attributes: [{ name: 'standard', value: 'DIN 933' }] },
      { description: 'Washer M8', quantity: 10000, unit: 'pcs' },
    ],
    invitedSupplierIds: ctx.suppliers.map((s) => s.actor.companyId),
  });
  const rfq = await rfqs.publish(buyer.actor, draft.id);
  const body = (prices: number[], leadTimeDays: number) => ({
    lines: rfq.lines.map((l, i) => ({ rfqLineId: l.id, unitPrice: prices[i], priceBreaks: i === 0 ? [{ minQuantity: 10000, unitPrice: prices[i] - 1 }] : [] })),
    leadTimeDays,
    validUntil: days(30),
    paymentTerms: 'net_30' as const,
    incoterm: 'DAP',
    notes: 'Packed on EUR pallets',
  });
  await quotes.submit(s1.actor, rfq.id, body([11, 2], 14));
  await quotes.submit(s2.actor, rfq.id, body([10, 3], 21));
  await rfqs.decline(s3.actor, rfq.id, 'No capacity before Q4');
  const thread = await chat.open(buyer.actor, { rfqId: rfq.id, supplierCompanyId: s1.actor.companyId });
  await chat.send(buyer.actor, thread.id, { body: 'Thanks for the quick quote. Could you come down on the bolts?' });
  await supplierChat.send(s1.actor, thread.id, { body: 'We can offer 10 cents per bolt if you take net 15.', offer: { lines: [{ rfqLineId: rfq.lines[0].id, unitPrice: 10 }], paymentTerms: 'net_15' } });
}
