import Papa from 'papaparse';
import { toDecimalString } from '../../src-shared/money';
import { neutralizeFormula } from '../../src-shared/csv/csv-writer';
import { oneLineMemo, type JournalFacts, type JournalFormat } from './journal-format';

// The journal as CSV, one row per transfer of every state, with the conventions of every Paydesk
// CSV (src-shared/csv/csv-writer.ts): UTF-8 with a BOM, RFC 4180 quoting and CRLF by papaparse,
// amounts as plain decimals in major units, text never readable as a formula. Times stay the
// stored ISO instants in UTC, exactly what each row's hash covers. Column names are the
// machine-readable keys, as a journal is read by scripts; the facts of the ledger file's header
// (heads, trust fingerprint) are in the export job's result and its audit row.

const COLUMNS = ['id', 'time', 'kind', 'state', 'debit_account', 'credit_account', 'amount', 'currency', 'memo', 'actor', 'hash'];

const QUERY = `SELECT t.id, t.created_at, t.kind, t.state, d.code, c.code, t.amount, t.currency, t.memo, t.actor, t.hash
  FROM transfers t JOIN accounts d ON d.id = t.debit_account_id JOIN accounts c ON c.id = t.credit_account_id
  ORDER BY t.id`;

type CsvRow = [id: number, createdAt: string, kind: string, state: string, debit: string, credit: string, amount: number, currency: string, memo: string | null, actor: string, hash: string];

const BYTE_ORDER_MARK = '\uFEFF';
const CRLF = '\r\n';
/** As writeCsv: a neutralized cell is quoted too (OWASP); nothing else starts with "'". */
const UNPARSE = { quotes: (value: unknown) => typeof value === 'string' && value.startsWith("'"), newline: CRLF };

function cells(row: CsvRow): string[] {
  const [id, createdAt, kind, state, debit, credit, amount, currency, memo, actor, hash] = row;
  return [
    String(id),
    createdAt,
    neutralizeFormula(kind),
    state,
    neutralizeFormula(debit),
    neutralizeFormula(credit),
    toDecimalString(amount, currency),
    currency,
    memo === null ? '' : neutralizeFormula(oneLineMemo(memo)),
    neutralizeFormula(actor),
    hash,
  ];
}

export function csvJournalFormat(): JournalFormat {
  return {
    extension: 'csv',
    mediaType: 'text/csv; charset=utf-8',
    query: QUERY,
    opening: (_facts: JournalFacts) => BYTE_ORDER_MARK + Papa.unparse([COLUMNS], UNPARSE) + CRLF,
    writeRow: (row, out) => out.text(Papa.unparse([cells(row as CsvRow)], UNPARSE) + CRLF),
  };
}
