import { MigrationInterface, QueryRunner } from 'typeorm';

/** [path, name, suggested attributes]; parents come before their children. */
const TAXONOMY: Array<[string, string, string[]]> = [
  ['industrial', 'Industrial supplies', []],
  ['industrial/fasteners', 'Fasteners', ['material', 'thread', 'length_mm', 'finish', 'standard']],
  ['industrial/fasteners/bolts', 'Bolts and screws', ['material', 'thread', 'length_mm', 'head_type', 'strength_class', 'standard']],
  ['industrial/fasteners/nuts-washers', 'Nuts and washers', ['material', 'thread', 'standard']],
  ['industrial/fasteners/anchors', 'Anchors and rivets', ['material', 'diameter_mm', 'load_kn']],
  ['industrial/tools', 'Tools', ['power_source', 'voltage', 'weight_kg']],
  ['industrial/tools/power-tools', 'Power tools', ['power_source', 'voltage', 'wattage', 'weight_kg']],
  ['industrial/tools/hand-tools', 'Hand tools', ['material', 'size']],
  ['industrial/safety', 'Safety and PPE', ['size', 'standard', 'protection_class']],
  ['industrial/safety/gloves', 'Work gloves', ['size', 'material', 'cut_level', 'standard']],
  ['industrial/safety/eyewear', 'Safety eyewear', ['lens', 'standard']],
  ['industrial/hydraulics', 'Hydraulics and pneumatics', ['pressure_bar', 'connection', 'material']],
  ['industrial/bearings', 'Bearings and power transmission', ['bore_mm', 'outer_diameter_mm', 'seal', 'standard']],
  ['industrial/electrical', 'Electrical components', ['voltage', 'current_a', 'ip_rating', 'standard']],
  ['industrial/electrical/cables', 'Cables and wires', ['cross_section_mm2', 'cores', 'insulation', 'length_m']],
  ['industrial/electrical/lighting', 'Industrial lighting', ['wattage', 'lumen', 'ip_rating', 'color_temperature_k']],
  ['industrial/packaging', 'Packaging materials', ['material', 'dimensions_mm', 'load_kg']],
  ['industrial/raw-materials', 'Raw materials', ['material', 'grade', 'form', 'dimensions_mm']],
  ['industrial/raw-materials/metals', 'Metals', ['alloy', 'grade', 'form', 'thickness_mm']],
  ['industrial/raw-materials/plastics', 'Plastics and polymers', ['polymer', 'grade', 'form', 'color']],
  ['office', 'Office supplies', []],
  ['office/paper', 'Paper and printing', ['format', 'grammage_gsm', 'color']],
  ['office/furniture', 'Office furniture', ['material', 'color', 'dimensions_cm']],
  ['office/it-equipment', 'IT equipment', ['brand', 'model', 'warranty_months']],
  ['office/it-equipment/computers', 'Computers and laptops', ['cpu', 'ram_gb', 'storage_gb', 'screen_inch', 'warranty_months']],
  ['office/it-equipment/peripherals', 'Peripherals', ['connection', 'compatibility', 'color']],
  ['office/stationery', 'Stationery', ['color', 'pack_size']],
  ['office/cleaning', 'Cleaning and hygiene', ['volume_l', 'scent', 'standard']],
  ['services', 'Services', []],
  ['services/logistics', 'Logistics and freight', ['mode', 'coverage', 'max_weight_kg']],
  ['services/maintenance', 'Maintenance and repair', ['coverage', 'response_time_h', 'certified_for']],
  ['services/engineering', 'Engineering and design', ['discipline', 'software', 'languages']],
  ['services/it', 'IT services', ['stack', 'languages', 'sla']],
  ['services/consulting', 'Consulting', ['domain', 'languages']],
  ['services/facility', 'Facility management and cleaning', ['coverage', 'shift']],
  ['services/training', 'Training and certification', ['topic', 'format', 'languages']],
];

export class ListingsBase1795000200000 implements MigrationInterface {
  name = 'ListingsBase1795000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE listing_categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9-]{1,60}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        parent_id uuid REFERENCES listing_categories(id),
        path text NOT NULL UNIQUE,
        suggested_attributes text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_listing_categories_parent ON listing_categories (parent_id)');
    await q.query('CREATE INDEX ix_listing_categories_path ON listing_categories (path text_pattern_ops)');
    await q.query(`
      CREATE TABLE listings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supplier_company_id uuid NOT NULL,
        sku text CHECK (sku IS NULL OR length(sku) BETWEEN 1 AND 64),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'published', 'rejected', 'archived')),
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('good', 'service')),
        category_id uuid NOT NULL REFERENCES listing_categories(id),
        content jsonb NOT NULL,
        stock_count integer CHECK (stock_count IS NULL OR stock_count >= 0),
        approved_revision_id uuid,
        rejection_reason text,
        submitted_at timestamptz,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_listings_supplier_sku UNIQUE (supplier_company_id, sku)
      )`);
    await q.query('CREATE INDEX ix_listings_supplier ON listings (supplier_company_id, created_at)');
    await q.query(`CREATE INDEX ix_listings_moderation_queue ON listings (submitted_at) WHERE status = 'submitted'`);
    await q.query('CREATE INDEX ix_listings_category ON listings (category_id)');
    await q.query(`
      CREATE TABLE listing_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        listing_id uuid NOT NULL REFERENCES listings(id),
        revision integer NOT NULL,
        content jsonb NOT NULL,
        approved_by uuid,
        approved_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_listing_revision UNIQUE (listing_id, revision)
      )`);
    await q.query('ALTER TABLE listings ADD CONSTRAINT fk_listings_approved_revision FOREIGN KEY (approved_revision_id) REFERENCES listing_revisions(id)');
    await q.query(`
      CREATE TABLE listing_moderation_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        listing_id uuid NOT NULL REFERENCES listings(id),
        operator_id uuid NOT NULL,
        decision text NOT NULL CHECK (decision IN ('approve', 'reject')),
        reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_listing_moderation_listing ON listing_moderation_decisions (listing_id, created_at)');
    await q.query(`
      CREATE TABLE platform_settings (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO platform_settings (key, value) VALUES ('allowUnverifiedSuppliers', 'false'::jsonb)`);
    await q.query(`
      CREATE TABLE customer_price_lists (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supplier_company_id uuid NOT NULL,
        buyer_company_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        valid_from timestamptz,
        valid_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from < valid_until),
        CHECK (supplier_company_id <> buyer_company_id)
      )`);
    await q.query('CREATE INDEX ix_price_lists_supplier ON customer_price_lists (supplier_company_id)');
    await q.query('CREATE INDEX ix_price_lists_buyer ON customer_price_lists (buyer_company_id)');
    await q.query(`
      CREATE TABLE customer_price_list_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        price_list_id uuid NOT NULL REFERENCES customer_price_lists(id) ON DELETE CASCADE,
        listing_id uuid NOT NULL REFERENCES listings(id),
        tiers jsonb,
        discount_basis_points integer CHECK (discount_basis_points IS NULL OR discount_basis_points BETWEEN 1 AND 10000),
        CHECK ((tiers IS NULL) <> (discount_basis_points IS NULL)),
        CONSTRAINT uq_price_list_entry UNIQUE (price_list_id, listing_id)
      )`);
    await q.query('CREATE INDEX ix_price_list_entries_listing ON customer_price_list_entries (listing_id)');
    for (const [path, name, attributes] of TAXONOMY) {
      const slug = path.split('/').pop()!;
      const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null;
      await q.query(
        `INSERT INTO listing_categories (slug, name, parent_id, path, suggested_attributes)
         VALUES ($1, $2, (SELECT id FROM listing_categories WHERE path = $3), $4, $5)`,
        [slug, name, parent, path, attributes],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['customer_price_list_entries', 'customer_price_lists', 'platform_settings', 'listing_moderation_decisions']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query('ALTER TABLE listings DROP CONSTRAINT fk_listings_approved_revision');
    await q.query('DROP TABLE listing_revisions');
    await q.query('DROP TABLE listings');
    await q.query('DROP TABLE listing_categories');
  }
}
