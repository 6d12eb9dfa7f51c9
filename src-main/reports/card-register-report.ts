import type { ReportColumn } from '../../src-shared/contract/reports';
import { sectionOf, type ReportDefinition } from './report-definition';
import { cardLines, countCards, countLimits, limitLines, programLines } from './card-register-rows';

// The card register: every card issued, masked, with its state, program, member and expiry; the
// spending limits set on each; and each program with its cards by state. It states the register
// as it stands (a card's state has no "as of"): the header's time and chain heads say when.
// The cards section keeps to the columns an auditor reads a card by, so a PDF page holds each
// masked number whole; who issued a card and each change of its state are in the audit log.

// A card is named by its masked number (with its member): a register is read by people, who know
// a card by its digits, not by a row id. The number is laid out as text, which takes the room a
// page has to spare: a masked number cut short names no card, and a 19-digit one needs the most.
const CARD_COLUMNS: ReportColumn[] = [
  { key: 'maskedPan', kind: 'text' },
  { key: 'state', kind: 'code' },
  { key: 'cancelReason', kind: 'code' },
  { key: 'program', kind: 'text' },
  { key: 'memberNumber', kind: 'code' },
  { key: 'memberName', kind: 'text' },
  { key: 'expiryMonth', kind: 'code' },
  { key: 'issuedAt', kind: 'dateTime' },
];

const LIMIT_COLUMNS: ReportColumn[] = [
  { key: 'maskedPan', kind: 'text' },
  { key: 'memberNumber', kind: 'code' },
  { key: 'interval', kind: 'code' },
  { key: 'amount', kind: 'amount', currencyKey: 'currency' },
  { key: 'count', kind: 'integer' },
  { key: 'currency', kind: 'code' },
];

const PROGRAM_COLUMNS: ReportColumn[] = [
  { key: 'program', kind: 'text' },
  { key: 'bin', kind: 'code' },
  { key: 'length', kind: 'integer' },
  { key: 'currency', kind: 'code' },
  { key: 'mode', kind: 'code' },
  { key: 'status', kind: 'code' },
  { key: 'cards', kind: 'integer' },
  { key: 'inactive', kind: 'integer' },
  { key: 'active', kind: 'integer' },
  { key: 'frozen', kind: 'integer' },
  { key: 'cancelled', kind: 'integer' },
];

export const cardRegisterReport: ReportDefinition = {
  id: 'cards',
  open(ctx) {
    const { store } = ctx;
    return {
      parameters: {},
      sections: [
        { id: 'cards', columns: CARD_COLUMNS, count: () => countCards(store), rows: () => cardLines(store) },
        { id: 'limits', columns: LIMIT_COLUMNS, count: () => countLimits(store), rows: () => limitLines(store) },
        sectionOf('programs', PROGRAM_COLUMNS, programLines(store)),
      ],
    };
  },
};
