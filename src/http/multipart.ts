// File uploads from staff forms that work without JavaScript (multipart/form-data), through
// @fastify/multipart. Register it in the scope of the routes that take a file only, so the rest of
// the app keeps refusing multipart bodies. Fields arrive as strings in request.body (the CSRF check
// reads `_csrf` from there as for any form) and the file as an UploadedFile; a file over the limit
// is cut off and marked `tooLarge`, so the route can show it as a field error instead of a 413 page.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface UploadedFile {
  filename: string;
  bytes: Buffer;
  tooLarge: boolean;
}

export interface UploadLimits {
  /** Largest file in bytes. */
  maxBytes: number;
  /** How many text fields the form has at most (the CSRF token included). */
  maxFields?: number;
  /** Largest text field in bytes (default 10 000); a longer one is a 413. */
  maxFieldBytes?: number;
}

/** Lets the routes of this scope take one file per request, at most `maxBytes` large. */
export async function acceptFileUploads(scope: FastifyInstance, limits: UploadLimits): Promise<void> {
  const maxFields = limits.maxFields ?? 10;
  await scope.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: {
      fileSize: limits.maxBytes,
      files: 1,
      fields: maxFields,
      parts: maxFields + 1,
      fieldSize: limits.maxFieldBytes ?? 10_000,
      headerPairs: 100,
    },
    async onFile(part) {
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      const file: UploadedFile = { filename: part.filename, bytes: Buffer.concat(chunks), tooLarge: part.file.truncated };
      (part as unknown as { value: UploadedFile }).value = file;
    },
  });
}

/** The uploaded file of a field, or null when none was chosen (browsers send an empty part then). */
export function uploadedFile(request: FastifyRequest, field: string): UploadedFile | null {
  const value = ((request.body ?? {}) as Record<string, unknown>)[field];
  if (!value || typeof value !== 'object' || !('bytes' in value) || !Buffer.isBuffer(value.bytes)) return null;
  const file = value as UploadedFile;
  return file.bytes.length === 0 && !file.filename ? null : file;
}

/** The text fields of a multipart form (files left out). */
export function multipartFields(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((request.body ?? {}) as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  return out;
}
