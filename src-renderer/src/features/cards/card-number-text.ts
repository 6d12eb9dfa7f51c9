// How a card number is printed on screen: in groups of four, as embossed on the card (ISO/IEC 7812
// leaves the grouping to the issuer; four is what members read back over the counter).

const GROUP = 4;

/** `6225881234567890` → `6225 8812 3456 7890`; masked numbers (`622588••••••7890`) group alike. */
export function groupCardNumber(pan: string): string {
  const characters = [...pan.replace(/[\s-]/g, '')];
  const groups: string[] = [];
  for (let start = 0; start < characters.length; start += GROUP) groups.push(characters.slice(start, start + GROUP).join(''));
  return groups.join(' ');
}

/** A card's last month as stored (`YYYY-MM`) in the printed form `MM/YY`. */
export function printedExpiry(expiryMonth: string): string {
  const match = /^\d{2}(\d{2})-(\d{2})$/.exec(expiryMonth);
  return match ? `${match[2]}/${match[1]}` : expiryMonth;
}
