/** The supplier portal's navigation and home page (the supplier screens come with the next issue). */
export const supplier = {
  nav: { account: 'My account', home: 'Home' },
  home: { title: 'Overview', company: 'Your company', role: 'Your role', twoFactor: 'Two-factor sign-in', on: 'On', off: 'Off' },
};
