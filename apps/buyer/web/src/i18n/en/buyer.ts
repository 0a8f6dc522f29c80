/** The buyer portal's navigation and home page. */
export const buyer = {
  nav: { account: 'My account', home: 'Home', search: 'Search', compare: 'Compare', rfqs: 'RFQs', cart: 'Cart', approvals: 'Approvals', orders: 'Orders', notifications: 'Notifications', settings: 'Company' },
  home: { approvalThreshold: 'Approval needed above', title: 'Overview', company: 'Your company', role: 'Your role', twoFactor: 'Two-factor sign-in', on: 'On', off: 'Off' },
};
