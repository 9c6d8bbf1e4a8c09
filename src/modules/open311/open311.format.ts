// Open311 GeoReport v2 output: the same objects as JSON or as XML (fast-xml-parser's XMLBuilder).
import { XMLBuilder } from 'fast-xml-parser';

const builder = new XMLBuilder({ ignoreAttributes: false, format: true });

/**
 * `<root><item>…</item>…</root>` (or the object itself under root when item is null). Nulls
 * become empty elements; an array under a key named in `nested` becomes `<key><nested>…</nested></key>`.
 */
export function toXml(root: string, item: string | null, body: unknown, nested: Record<string, string> = {}): string {
  const shape = (value: unknown): unknown => {
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return value.map(shape);
    if (typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, Array.isArray(v) && nested[k] ? { [nested[k]]: v.map(shape) } : shape(v)]),
      );
    }
    return value;
  };
  const content = item ? { [item]: shape(body) } : shape(body);
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, [root]: content });
}

export const XML_TYPE = 'text/xml; charset=utf-8';
