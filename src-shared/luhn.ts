// The Luhn (mod 10) check digit of ISO/IEC 7812-1 (Annex B). Member numbers end with one, so a
// mistyped digit is caught at the counter; so do card numbers: the renderer checks a bank card as
// it is typed, the main process checks it again and computes the digit of every card it issues.

/** The digit that makes `body` + digit pass the Luhn check. `body` holds decimal digits only. */
export function luhnCheckDigit(body: string): number {
  let sum = 0;
  // Counted from the right of the finished number, whose last digit is the check digit: the
  // body's rightmost digit is doubled.
  for (let i = 0; i < body.length; i++) {
    let digit = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether `pan` is 13 to 19 digits whose last is its Luhn check digit. */
export function isLuhnValid(pan: string): boolean {
  return /^\d{13,19}$/.test(pan) && luhnCheckDigit(pan.slice(0, -1)) === Number(pan.at(-1));
}

/** A card number as typed (`4111 1111-1111 1111`) with the spaces and dashes people put in it taken out. */
export function panDigits(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}
