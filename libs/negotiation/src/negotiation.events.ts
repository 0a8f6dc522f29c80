/** Domain events negotiation publishes (delivered after commit). */
export const NegotiationEvents = {
  /** `{ purchaseIntentId }`: orders turns it into an order. */
  purchaseIntentCreated: 'negotiation.purchase-intent.created',
  /** `{ rfqId, buyerCompanyId, winnerCompanyIds, loserCompanyIds }`: chat reveals contacts in the winners' threads. */
  rfqAwarded: 'negotiation.rfq.awarded',
  /** `{ rfqId, quoteId, supplierCompanyId, revision }` */
  quoteRevised: 'negotiation.quote.revised',
} as const;

export interface PurchaseIntentCreatedEvent {
  purchaseIntentId: string;
}

export interface RfqAwardedEvent {
  rfqId: string;
  buyerCompanyId: string;
  winnerCompanyIds: string[];
  loserCompanyIds: string[];
}

export interface QuoteRevisedEvent {
  rfqId: string;
  quoteId: string;
  supplierCompanyId: string;
  revision: number;
}
