// What every server-rendered chart (Observable Plot on linkedom) needs before it goes into a page.

/**
 * Makes a Plot SVG one labelled image: the CSP forbids inline styles (the site stylesheet styles
 * charts), and ARIA on the parts of a role="img" is not allowed (axe: aria-prohibited-attr) — Plot
 * puts aria-label on its mark groups. The same data is always in a table beside the chart.
 */
export function asLabelledImage(svg: Element, label: string, className = 'chart'): string {
  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  svg.removeAttribute('style');
  for (const el of [...svg.querySelectorAll('*')]) {
    el.removeAttribute('style');
    for (const attr of [...el.getAttributeNames()]) {
      if (attr === 'role' || attr.startsWith('aria-')) el.removeAttribute(attr);
    }
  }
  svg.setAttribute('class', className);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  return svg.outerHTML;
}
