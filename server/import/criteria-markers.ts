/**
 * The markers of one imported list → the style its `inclusion criteria …` line states and the items
 * that keep a marker of their own (`include "…" numbered "7."`, `bullet ""`): the style is the one
 * that leaves the fewest items with their own marker, so a list written one way throughout has none
 * and the .trial stays as plain as the record. The export's own counter (markerCounter) decides
 * what each item would get, so what the import keeps is exactly what the export would not write.
 */
import { markerCounter, readNumberMarker, type CriteriaList, type ItemMarker } from '../wording/render-criteria';

export type ListStyle = Pick<CriteriaList, 'numbered' | 'firstNumber' | 'bullet'>;

export interface MarkerPlan {
  /** The style to state; undefined: the default (the study's `*`; in a population, the study's style). */
  style?: ListStyle;
  /** Per item, its own marker where the style would write another. */
  own: (ItemMarker | undefined)[];
}

/** Each item's own marker where `style` (else `fallback`) would write another. */
function ownMarkers(markers: readonly string[], style: ListStyle | undefined, fallback: ListStyle | undefined): (ItemMarker | undefined)[] {
  const counter = markerCounter(style ?? {}, style ? undefined : fallback);
  return markers.map((written) => {
    if (counter.next() === written) {
      counter.take();
      return undefined;
    }
    const own = { numbered: readNumberMarker(written) !== undefined, written };
    counter.take(own);
    return own;
  });
}

/**
 * The styles worth trying, in the order that wins a tie: the default, each number form from its
 * first number, each other bullet, then none (a list is rather numbered with a paragraph or two
 * than a list of paragraphs with numbered items).
 */
function candidates(markers: readonly string[]): (ListStyle | undefined)[] {
  const numbered: ListStyle[] = [];
  const bullets: ListStyle[] = [];
  const seen = new Set<string>();
  for (const m of markers) {
    const n = readNumberMarker(m);
    const key = n ? `${n.open}${n.kind}${n.close}` : `bullet ${m}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (n) numbered.push({ numbered: true, ...(m === '1.' ? {} : { firstNumber: m }) });
    else bullets.push({ bullet: m });
  }
  return [undefined, ...numbered, ...bullets.filter((b) => b.bullet !== ''), ...bullets.filter((b) => b.bullet === '')];
}

export function planMarkers(markers: readonly string[], fallback?: ListStyle): MarkerPlan {
  let best: MarkerPlan | undefined;
  let bestCount = Infinity;
  for (const style of candidates(markers)) {
    const own = ownMarkers(markers, style, fallback);
    const count = own.filter((o) => o !== undefined).length;
    // The first of equals wins: the default before any stated style.
    if (count < bestCount) {
      best = { ...(style ? { style } : {}), own };
      bestCount = count;
    }
  }
  return best!;
}

/** The style as the list line writes it: ` numbered`, ` numbered "7."`, ` bullet "-"`. */
export function styleWords(style: ListStyle | undefined, quote: (s: string) => string): string {
  if (!style) return '';
  if (style.numbered) return style.firstNumber ? ` numbered ${quote(style.firstNumber)}` : ' numbered';
  return ` bullet ${quote(style.bullet ?? '*')}`;
}

/** An item's own marker as the criterion writes it: ` numbered "7."`, ` bullet ""`. */
export function ownMarkerWords(own: ItemMarker | undefined, quote: (s: string) => string): string {
  return own ? ` ${own.numbered ? 'numbered' : 'bullet'} ${quote(own.written)}` : '';
}
