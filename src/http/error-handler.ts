import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../db/database.ts';
import { errorPage } from '../web/error-page.tsx';
import { AppError, type FieldError } from './errors.ts';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
  keyword?: string;
}

function swedish(issue: ValidationIssue): string {
  const p = issue.params ?? {};
  switch (issue.keyword) {
    case 'required':
      return 'saknas';
    case 'type':
      return p.type === 'integer'
        ? 'måste vara ett heltal'
        : p.type === 'number'
          ? 'måste vara ett tal'
          : `måste vara av typen ${String(p.type)}`;
    case 'minimum':
      return `måste vara minst ${String(p.limit)}`;
    case 'maximum':
      return `får vara högst ${String(p.limit)}`;
    case 'minLength':
      return p.limit === 1 ? 'får inte vara tomt' : `måste ha minst ${String(p.limit)} tecken`;
    case 'maxLength':
      return `får ha högst ${String(p.limit)} tecken`;
    case 'pattern':
      // The pattern of input.ts's Text({ min }) that refuses blank text.
      return String(p.pattern).startsWith('^(?=[\\s\\S]*\\S)') ? 'får inte vara tomt' : 'har fel format';
    case 'format':
      return p.format === 'date'
        ? 'måste vara ett datum (ÅÅÅÅ-MM-DD)'
        : p.format === 'date-time'
          ? 'måste vara en tidpunkt (ISO 8601)'
          : `måste ha formatet ${String(p.format)}`;
    case 'enum':
    case 'const':
    case 'anyOf':
      return 'har ett värde som inte är tillåtet';
    case 'additionalProperties':
      return `okänt fält "${String(p.additionalProperty)}"`;
    default:
      return issue.message ?? 'ogiltigt värde';
  }
}

/** Turns Ajv's output into field errors, in Swedish, that a person can act on. */
function fieldErrors(issues: ValidationIssue[], context: string | undefined): FieldError[] {
  return issues.map((issue) => {
    const missing = issue.params?.missingProperty;
    const pointer = typeof missing === 'string' ? `${issue.instancePath ?? ''}/${missing}` : (issue.instancePath ?? '');
    const field = pointer.replace(/^\//, '').replaceAll('/', '.') || (context ?? 'body');
    return { field, message: `${field} ${swedish(issue)}` };
  });
}

/**
 * PostgreSQL's verdict on a value rather than on the server: data exceptions (class 22: NUL in
 * text, a date or number out of range, malformed JSON text) and CHECK violations.
 */
function isInputRefusedByDatabase(error: Error): boolean {
  const code = 'code' in error ? error.code : undefined;
  return typeof code === 'string' && /^(22[0-9A-Z]{3}|23514)$/.test(code) && 'severity' in error;
}

function wantsHtml(request: FastifyRequest): boolean {
  return !request.url.startsWith('/api/') && !request.url.startsWith('/open311/') && (request.headers.accept ?? '').includes('text/html');
}

export function errorHandler(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  let appError: AppError;
  if (error instanceof AppError) {
    appError = error;
  } else if ('validation' in error && Array.isArray(error.validation)) {
    const context = 'validationContext' in error ? String(error.validationContext) : undefined;
    const fields = fieldErrors(error.validation as ValidationIssue[], context);
    appError = new AppError('validation', `Ogiltig indata: ${fields.map((f) => f.message).join('; ')}.`, {
      fields,
    });
  } else if (isInputRefusedByDatabase(error)) {
    // A value the edge should have refused: the user gets a 400, the log the details to fix the schema.
    request.log.warn({ err: error }, 'input refused by the database');
    appError = new AppError('validation', 'Uppgifterna kunde inte sparas: ett värde är inte giltigt. Kontrollera fälten och försök igen.');
  } else if ('statusCode' in error && error.statusCode === 429) {
    appError = new AppError('rate_limited', 'För många försök. Vänta en stund och försök igen.');
  } else if ('code' in error && typeof error.code === 'string' && error.code.startsWith('FST_CSRF')) {
    appError = new AppError('forbidden', 'Formuläret har gått ut. Ladda om sidan och försök igen.');
  } else if ('statusCode' in error && error.statusCode === 413) {
    appError = new AppError('validation', 'Innehållet är för stort.');
    reply.status(413);
  } else if ('statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500) {
    appError = new AppError(error.statusCode === 404 ? 'not_found' : 'validation', error.message);
    reply.status(error.statusCode);
  } else if (isDatabaseUnavailable(error)) {
    // The database is away (restart, failover): not a bug, and the next request may succeed.
    appError = new AppError('unavailable', 'Tjänsten når inte sin databas just nu. Försök igen om en stund.');
    reply.header('Retry-After', '5');
  } else {
    request.log.error({ err: error }, 'unhandled error');
    reply.status(500);
    if (wantsHtml(request)) {
      return reply.type('text/html; charset=utf-8').send(errorPage(request, 500));
    }
    return reply.send({ error: 'internal', message: 'Ett oväntat fel inträffade.' });
  }
  if (reply.statusCode < 400) reply.status(appError.status);
  if (appError.status >= 500) request.log.error({ err: error }, appError.message);
  if (appError.code === 'unauthorized' && wantsHtml(request) && request.method === 'GET') {
    return reply.redirect(`/staff/login?next=${encodeURIComponent(request.url)}`, 303);
  }
  if (wantsHtml(request)) {
    return reply.type('text/html; charset=utf-8').send(errorPage(request, reply.statusCode, appError.message));
  }
  return reply.send({
    error: appError.code,
    message: appError.message,
    ...(appError.fields.length ? { fields: appError.fields } : {}),
  });
}
