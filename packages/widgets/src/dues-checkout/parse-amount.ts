/**
 * Reads an amount as people type it, in either language's habits: "15", "15.50", "15,50",
 * "1,200", "1.200,50", "$ 20". A separator followed by one or two final digits is the decimal
 * point; any other separator groups thousands. `undefined` when it is not an amount.
 */
export function parseAmount(text: string): number | undefined {
  const cleaned = text.replace(/[\s\p{Sc}]/gu, '');
  if (!/^\d[\d.,]*$/.test(cleaned)) return undefined;
  const decimal = /^(.*)[.,](\d{1,2})$/.exec(cleaned);
  const whole = (decimal ? decimal[1]! : cleaned).replace(/[.,]/g, '');
  if (whole === '') return undefined;
  return Number(`${whole}.${decimal ? decimal[2] : '0'}`);
}
