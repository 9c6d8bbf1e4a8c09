// A small multipart/form-data reader for the one file upload of the portal (the logo), so that
// the form works without JavaScript. The body is already size-limited by Fastify; parts are split
// on the boundary, fields are text, and one file field is kept as bytes.

export interface MultipartForm {
  fields: Record<string, string>;
  files: Record<string, { filename: string; bytes: Buffer }>;
}

export function boundaryOf(contentType: string | undefined): string | null {
  const m = /boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType ?? '');
  return m ? (m[1] ?? m[2]) : null;
}

export function parseMultipart(body: Buffer, boundary: string): MultipartForm {
  const form: MultipartForm = { fields: {}, files: {} };
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    // A part: CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    start = next;
    const split = part.indexOf('\r\n\r\n');
    if (split === -1) continue;
    const headers = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/.exec(disposition)?.[1];
    if (!name) continue;
    const filename = /\bfilename="([^"]*)"/.exec(disposition)?.[1];
    if (filename !== undefined) form.files[name] = { filename, bytes: Buffer.from(content) };
    else if (!(name in form.fields)) form.fields[name] = content.toString('utf8');
  }
  return form;
}
