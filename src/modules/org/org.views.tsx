import type { FieldError } from '../../http/errors.ts';
import { CsrfField, ErrorSummary, Notice, SelectField, TextField } from '../../web/components.tsx';
import { StaffPage, type StaffPageProps } from '../../web/layout.tsx';
import type { Actor } from '../accounts/actor.ts';
import { hasAnyRole } from '../accounts/policy.ts';
import type { OrgTreeNode, OrgUnit } from './org.service.ts';
import { CHILD_UNIT_KINDS, UNIT_KIND_NAMES } from './org.service.ts';

type Session = NonNullable<StaffPageProps['session']>;

function Tree({ nodes, admin }: { nodes: OrgTreeNode[]; admin: boolean }) {
  return (
    <ul>
      {nodes.map((node) => (
        <li>
          {admin ? <a href={`/staff/org/${node.id}`}>{node.name}</a> : node.name} <span class="kind">({UNIT_KIND_NAMES[node.kind]})</span>
          {node.children.length > 0 && <Tree nodes={node.children} admin={admin} />}
        </li>
      ))}
    </ul>
  );
}

/** Units as options, indented by depth so the tree is visible in a select. */
function unitOptions(units: OrgUnit[]): { id: string; label: string }[] {
  const byParent = new Map<string | null, OrgUnit[]>();
  for (const u of units) byParent.set(u.parentId, [...(byParent.get(u.parentId) ?? []), u]);
  const out: { id: string; label: string }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of byParent.get(parent) ?? []) {
      out.push({ id: u.id, label: `${'\u2003'.repeat(depth)}${u.name}` });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

interface UnitFieldsProps {
  units: OrgUnit[];
  errors: FieldError[];
  values: { name?: string; kind?: string; parentId?: string | null };
  excludeId?: string;
  lockKindAndParent?: boolean;
}

function UnitFields({ units, errors, values, excludeId, lockKindAndParent }: UnitFieldsProps) {
  return (
    <>
      <TextField id="name" label="Namn" value={values.name} errors={errors} />
      {!lockKindAndParent && (
        <>
          <SelectField
            id="kind"
            label="Typ"
            value={values.kind}
            errors={errors}
            empty="Välj typ"
            options={CHILD_UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_NAMES[k] }))}
          />
          <SelectField
            id="parentId"
            label="Hör till"
            value={values.parentId ?? undefined}
            errors={errors}
            empty="Välj överordnad enhet"
            options={unitOptions(units)
              .filter((o) => o.id !== excludeId)
              .map((o) => ({ value: o.id, label: o.label }))}
          />
        </>
      )}
    </>
  );
}

interface OrgPageProps {
  session: Session;
  actor: Actor;
  tree: OrgTreeNode[];
  units: OrgUnit[];
  flash?: string;
  errors: FieldError[];
  values: { name?: string; kind?: string; parentId?: string };
}

export function OrgPage({ session, actor, tree, units, flash, errors, values }: OrgPageProps) {
  const admin = hasAnyRole(actor, ['admin']);
  return (
    <StaffPage title="Organisation" session={session} current="/staff/org">
      <h1>Organisation</h1>
      {flash && <Notice>{flash}</Notice>}
      <nav aria-label="Organisationsträd" class="tree">
        <Tree nodes={tree} admin={admin} />
      </nav>
      {admin && (
        <form method="post" action="/staff/org" novalidate>
          <h2>Lägg till en enhet</h2>
          <ErrorSummary errors={errors} />
          <CsrfField token={session.csrfToken} />
          <UnitFields units={units} errors={errors} values={values} />
          <button type="submit">Lägg till</button>
        </form>
      )}
    </StaffPage>
  );
}

interface UnitEditPageProps {
  session: Session;
  actor: Actor;
  unit: OrgUnit;
  units: OrgUnit[];
  errors: FieldError[];
  values: { name?: string; kind?: string; parentId?: string | null };
}

export function UnitEditPage({ session, unit, units, errors, values }: UnitEditPageProps) {
  return (
    <StaffPage title={`Ändra ${unit.name}`} session={session} current="/staff/org">
      <p>
        <a href="/staff/org">Tillbaka till organisationen</a>
      </p>
      <h1>Ändra {unit.name}</h1>
      <form method="post" action={`/staff/org/${unit.id}`} novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField token={session.csrfToken} />
        <UnitFields units={units} errors={errors} values={values} excludeId={unit.id} lockKindAndParent={unit.kind === 'council'} />
        <button type="submit" name="action" value="save">
          Spara
        </button>
      </form>
      {unit.kind !== 'council' && (
        <form method="post" action={`/staff/org/${unit.id}`}>
          <h2>Ta bort</h2>
          <p>En enhet kan bara tas bort när den saknar underenheter och inte används.</p>
          <CsrfField token={session.csrfToken} />
          <button type="submit" name="action" value="delete" class="danger">
            Ta bort {unit.name}
          </button>
        </form>
      )}
    </StaffPage>
  );
}
