import type { AdfMark, AdfNode } from './adf-types.js';

/*
 * The attributes of storage block elements (<p style="text-align: center;">, <ul class="…">,
 * <ac:layout-section ac:breakout-mode="wide">…). Alignment and indentation become ADF block marks,
 * so the model sees and may change them (`⟦align center⟧`, `⟦indent 1⟧`); every attribute is also
 * kept as `xmlAttrs` and written back, so a block rebuilt from an edit keeps them all.
 */

type Attrs = [string, string][];

const INDENT_PX = 30;

/** Block marks a storage `style` attribute stands for. */
export function styleMarks(style: string | undefined): AdfMark[] {
  const marks: AdfMark[] = [];
  for (const [property, value] of declarations(style)) {
    if (property === 'text-align' && (value === 'center' || value === 'right'))
      marks.push({ type: 'alignment', attrs: { align: value === 'right' ? 'end' : 'center' } });
    const px = property === 'margin-left' ? /^(\d+(?:\.\d+)?)px$/.exec(value) : null;
    const level = px === null ? 0 : Number(px[1]) / INDENT_PX;
    if (Number.isInteger(level) && level >= 1 && level <= 6) marks.push({ type: 'indentation', attrs: { level } });
  }
  return marks;
}

/** `attrs`/`marks` of a storage paragraph or heading. */
export function readBlockAttrs(attrs: Attrs): Pick<AdfNode, 'attrs' | 'marks'> {
  if (attrs.length === 0) return {};
  const marks = styleMarks(attrs.find(([k]) => k === 'style')?.[1]);
  return { attrs: { xmlAttrs: attrs }, ...(marks.length > 0 && { marks }) };
}

/**
 * The attributes to write for a block: the kept ones, with `style` brought in line with the block
 * marks (the original text when nothing changed, so an unedited style comes back as it was).
 */
export function writeBlockAttrs(node: AdfNode): Attrs {
  const kept = (node.attrs?.xmlAttrs as Attrs | undefined) ?? [];
  const marks = (node.marks ?? []).filter((m) => m.type === 'alignment' || m.type === 'indentation');
  const style = kept.find(([k]) => k === 'style')?.[1];
  const same = JSON.stringify(sortMarks(styleMarks(style))) === JSON.stringify(sortMarks(marks));
  if (same) return kept;
  const other = declarations(style).filter(([p]) => p !== 'text-align' && p !== 'margin-left');
  for (const mark of marks) {
    if (mark.type === 'alignment') other.push(['text-align', mark.attrs?.align === 'end' ? 'right' : 'center']);
    else other.push(['margin-left', `${Number(mark.attrs?.level) * INDENT_PX}.0px`]);
  }
  const text = other.map(([p, v]) => `${p}: ${v};`).join(' ');
  const rest = kept.filter(([k]) => k !== 'style');
  return text === '' ? rest : [...rest, ['style', text]];
}

function declarations(style: string | undefined): [string, string][] {
  return (style ?? '')
    .split(';')
    .map((d) => d.split(':'))
    .filter((parts) => parts.length >= 2)
    .map(([p, ...v]): [string, string] => [p!.trim().toLowerCase(), v.join(':').trim()])
    .filter(([p]) => p !== '');
}

function sortMarks(marks: AdfMark[]): string[] {
  return marks.map((m) => JSON.stringify(m)).sort();
}
