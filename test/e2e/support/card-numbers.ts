import type { Page } from 'playwright-core';
import { isLuhnValid } from '../../../src-shared/luhn';

// Issue 10: screens show at most the first six and last four digits of a card number, except in
// the issue and reveal dialogs. A clear number is 13 to 19 digits that pass the Luhn check, as
// typed or grouped by spaces or dashes; that is what these look for in what a person can read.

const DIGIT_RUN = /\d(?:[ -]?\d){12,18}/g;

/** The Luhn-valid 13–19 digit numbers in `text`, with their grouping taken out. */
export function clearCardNumbersIn(text: string): string[] {
  return [...text.matchAll(DIGIT_RUN)].map((match) => match[0].replace(/[ -]/g, '')).filter(isLuhnValid);
}

/** The clear card numbers anywhere in the page's visible text (dialogs included). */
export async function visibleCardNumbers(page: Page): Promise<string[]> {
  return clearCardNumbersIn(await page.locator('body').innerText());
}

/** How a screen prints a card number masked: the first six and last four digits, in groups of four. */
export function maskedGroups(pan: string): string {
  const masked = `${pan.slice(0, 6)}${'•'.repeat(pan.length - 10)}${pan.slice(-4)}`;
  return masked.replace(/(.{4})(?=.)/g, '$1 ');
}
