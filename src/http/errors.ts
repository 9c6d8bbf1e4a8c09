// One error type with a code, mapped to HTTP in one place. The user sees `message`
// (Swedish, safe to show); the log sees the cause.
export type ErrorCode = 'validation' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'unavailable';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[];
  constructor(code: ErrorCode, message: string, options?: { fields?: FieldError[]; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.code = code;
    this.fields = options?.fields ?? [];
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = 'Resursen') => new AppError('not_found', `${what} finns inte.`);
export const forbidden = () => new AppError('forbidden', 'Du har inte behörighet att göra detta.');
export const unauthorized = () => new AppError('unauthorized', 'Du behöver logga in.');
export const invalid = (fields: FieldError[], message = 'Uppgifterna är inte giltiga.') => new AppError('validation', message, { fields });
