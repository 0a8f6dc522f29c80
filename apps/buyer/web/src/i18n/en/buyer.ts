/** The buyer portal's navigation and home page. */
export const buyer = {
  nav: { home: 'Home', search: 'Search', compare: 'Compare', rfqs: 'RFQs', cart: 'Cart', orders: 'Orders', notifications: 'Notifications', settings: 'Company' },
  home: { title: 'Overview', company: 'Your company', role: 'Your role', twoFactor: 'Two-factor sign-in', on: 'On', off: 'Off' },
};
