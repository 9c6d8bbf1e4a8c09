import type { Role } from '../../db/schema.ts';

export const ROLES = ['admin', 'quality', 'officer', 'agent', 'secretary', 'reader'] as const satisfies readonly Role[];

export const ROLE_NAMES: Record<Role, string> = {
  admin: 'Administratör',
  quality: 'Kvalitetsstrateg/controller',
  officer: 'Handläggare',
  agent: 'Kontaktcenter',
  secretary: 'Nämndsekreterare',
  reader: 'Läsare',
};

export interface Grant {
  role: Role;
  /** null: the whole tenant. */
  unitId: string | null;
}

/** Who is acting: a signed-in user (session or API token) or the command line / system. */
export interface Actor {
  userId: string | null;
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  label: string;
  name: string;
  grants: Grant[];
}

/** The command line acts as the operator of the installation: an admin of the tenant. */
export function systemActor(tenant: { id: string; slug: string; name: string }, label = 'cli'): Actor {
  return {
    userId: null,
    tenantId: tenant.id,
    tenantSlug: tenant.slug,
    tenantName: tenant.name,
    label,
    name: label,
    grants: [{ role: 'admin', unitId: null }],
  };
}
