/** The supplier facts visibility depends on (a subset of accounts' CompanySummary). */
export interface SupplierStanding {
  active: boolean;
  verified: boolean;
}

/**
 * Buyers see a supplier's listings only while it is not suspended and verified, or unverified
 * suppliers are allowed by the platform setting.
 */
export function isSupplierListable(supplier: SupplierStanding | null | undefined, allowUnverifiedSuppliers: boolean): boolean {
  return !!supplier && supplier.active && (supplier.verified || allowUnverifiedSuppliers);
}
