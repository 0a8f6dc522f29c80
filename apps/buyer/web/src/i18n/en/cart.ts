/** The cart and checkout. */
export const cart = {
  title: 'Cart',
  empty: 'Your cart is empty.',
  supplierGroup: 'Supplier {{n}}',
  total: 'Total',
  poNumber: 'PO number',
  deliveryAddress: 'Delivery address',
  deliveryCountry: 'Delivery country (ISO code)',
  paymentTerms: 'Payment terms (invoice)',
  terms: { prepaid: 'Prepaid', net_15: '15 days net', net_30: '30 days net', net_60: '60 days net' },
  placeOrder: 'Place order',
  placed_one: '{{count}} order placed',
  placed_other: '{{count}} orders placed',
  orders: 'Your orders',
  order: 'Order {{number}}',
};
