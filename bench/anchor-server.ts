// The intake anchor: a bare Fastify + pg server that inserts one row per request into a table
// shaped like `cases` (same columns, checks, unique keys and indexes) on the same PostgreSQL.
// What one insert per request costs on this machine, with nothing of Insyn's own around it.
//   DATABASE_URL=postgres://… PORT=3999 node bench/anchor-server.ts
import { createHash, randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query(`
  CREATE TABLE IF NOT EXISTS anchor_cases (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    case_number text NOT NULL,
    type text NOT NULL CHECK (type IN ('question', 'praise', 'complaint', 'suggestion', 'error_report')),
    channel text NOT NULL,
    category_id uuid NOT NULL,
    unit_id uuid NOT NULL,
    language text NOT NULL DEFAULT 'sv',
    subject text,
    message text NOT NULL CHECK (length(message) BETWEEN 1 AND 10000),
    contact_name text, contact_email text, contact_phone text,
    received_at timestamptz NOT NULL,
    received_date date NOT NULL,
    first_response_due date NOT NULL,
    status text NOT NULL DEFAULT 'new',
    tracking_token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, case_number))`);
await pool.query('CREATE INDEX IF NOT EXISTS anchor_cases_inbox ON anchor_cases (tenant_id, unit_id, status, first_response_due)');
await pool.query('CREATE INDEX IF NOT EXISTS anchor_cases_received ON anchor_cases (tenant_id, received_date)');

const tenant = '00000000-0000-4000-8000-000000000001';
const app = Fastify({ logger: false });
app.post('/cases', async (request, reply) => {
  const body = request.body as { type?: string; category?: string; message?: string };
  if (typeof body?.message !== 'string' || typeof body.type !== 'string') return reply.code(400).send({ error: 'bad' });
  const token = randomBytes(24).toString('base64url');
  const now = new Date();
  const { rows } = await pool.query(
    `INSERT INTO anchor_cases (tenant_id, case_number, type, channel, category_id, unit_id, message, received_at, received_date,
                               first_response_due, tracking_token_hash)
     VALUES ($1, $2, $3, 'web', $1, $1, $4, $5, $6, $6, $7) RETURNING id`,
    [tenant, `A-${token}`, body.type, body.message, now, now.toISOString().slice(0, 10), createHash('sha256').update(token).digest('hex')],
  );
  return reply.code(201).send({ id: rows[0].id });
});
await app.listen({ port: Number(process.env.PORT ?? 3999), host: '127.0.0.1' });
console.log('anchor listening');
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});
