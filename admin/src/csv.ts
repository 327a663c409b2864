/**
 * CSV files for spreadsheets: RFC 4180 quoting, a UTF-8 byte order mark (without it Excel reads
 * Cyrillic as mojibake), and no formulas: a cell that a spreadsheet would run as a formula (it
 * begins with = + - @, or a tab or carriage return) gets an apostrophe in front. Labels are written
 * by editors, but may come from an import.
 */
export type Cell = string | number;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV text. Numbers stay numbers: a negative figure is no formula. */
export function csvCell(value: Cell): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: a header row, then the rows; CRLF line ends, as RFC 4180 says. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Hands a CSV file to the browser as a download. */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy by the next task; the object URL would otherwise live on.
  setTimeout(() => URL.revokeObjectURL(url));
}
