/**
 * Cell values as read from a sheet, cleaned of what civil-registry and OpenSID exports
 * carry around them: zero-width spaces, byte-order marks and other invisible format
 * characters, no-break spaces, the apostrophe Excel users type to keep a number as text
 * ('3212…), CSV's ="0123" trick, and dashes meaning "nothing".
 */
export type Cell = string | number | Date | boolean | null;

const invisible = /\p{Cf}/gu;
const spaces = /[\p{Zs}\t\r\n]+/gu;
const quotesBeforeNumber = /^['"‘’`´]+(?=[\d+-])/;
const quotesAfterNumber = /(?<=\d)['"‘’`´]+$/;
const excelTextFormula = /^="(.*)"$/;
const placeholders = new Set(['-', '--', '—', '–']);

export function cleanText(value: string): string | null {
  let text = value.replace(invisible, '').replace(spaces, ' ').trim();
  const formula = excelTextFormula.exec(text);
  if (formula) text = formula[1]!.trim();
  text = text.replace(quotesBeforeNumber, '').replace(quotesAfterNumber, '');
  if (text === '' || placeholders.has(text)) return null;
  return text;
}

type RichText = { richText: Array<{ text?: string }> };

/** An exceljs cell value (string, number, date, rich text, formula, hyperlink, error) as a Cell. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'object') {
    if ('richText' in value) return cleanText((value as RichText).richText.map((run) => run.text ?? '').join(''));
    if ('result' in value) return toCell((value as { result: unknown }).result);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('text' in value) return toCell((value as { text: unknown }).text);
    if ('error' in value) return cleanText(String((value as { error: unknown }).error));
  }
  return null;
}

/** YYYY-MM-DD of a date read from a sheet (exceljs gives dates at UTC midnight). */
export function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** How a cell is written back into the rejected-rows workbook and shown in messages. */
export function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return isoDateOf(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

/** "No KK", "NO_KK" and "no.kk" are the same header. */
export function headerKey(value: Cell): string {
  const text = cellText(value);
  return text === null ? '' : text.toLowerCase().replace(/[^a-z0-9]/g, '');
}
