/** Injection token holding which app (buyer, supplier, admin) this Nest application is. */
export const APP_KIND = Symbol('APP_KIND');
