/** The operator console's navigation and home page (the console's screens come with the next issue). */
export const admin = {
  nav: { home: 'Home' },
  home: { title: 'Overview', roles: 'Your roles', twoFactor: 'Two-factor sign-in', on: 'On', off: 'Off' },
};
