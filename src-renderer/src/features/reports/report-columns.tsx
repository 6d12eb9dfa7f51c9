import { useMemo } from 'react';
import { Box } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import type { ReportColumn, ReportSectionData } from '../../../../src-shared/contract/reports';
import { codeLabel } from '../../../../src-shared/reports/labels/codes';
import type { ReportId } from '../../../../src-shared/reports/report-access';
import { useAmountColumn } from '../../ui/amount-column';
import { dateTimeColumn } from '../../ui/grid';
import { HashText } from './HashText';
import { columnLabel, reportLanguage, useReportText } from './report-text';

// A section's columns as the report declares them (src-shared/contract/reports.ts): amounts in the
// row's currency, right-aligned and never cut; moments in the reader's zone; hashes shortened with
// the whole on hover; codes in words (the shared CODE_LABELS the PDF uses too), else as recorded.

export type PreviewRow = Record<string, string | number | null> & { __index: number };

/** A code is never cut: its column is as wide as its longest value or its label (CJK characters take about twice a Latin one). */
function textWidth(text: string): number {
  return [...text].reduce((sum, char) => sum + (char.charCodeAt(0) >= 0x2e80 ? 14 : 7.5), 0);
}

/** Room for a column's label with the header's sort and menu icons beside it. */
function labelWidth(headerName: string): number {
  return Math.ceil(textWidth(headerName) + 56);
}

function codeWidth(texts: readonly string[], headerName: string): number {
  const longest = Math.max(...texts.map(textWidth), 0);
  // A cell's padding (10 px a side) and room.
  return Math.ceil(Math.min(Math.max(longest + 28, labelWidth(headerName), 80), 280));
}

const cellText = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

function CutText({ text, mono = false }: { text: string; mono?: boolean }) {
  return (
    <Box component="span" title={text} sx={{ ...cellText, ...(mono ? { fontFamily: '"Roboto Mono", "DejaVu Sans Mono", Consolas, monospace', fontSize: 13 } : {}) }}>
      {text}
    </Box>
  );
}

export function useReportColumns(report: ReportId, section: ReportSectionData, rows: readonly PreviewRow[]): GridColDef<PreviewRow>[] {
  const { i18n } = useTranslation();
  const say = useReportText();
  const amountColumn = useAmountColumn();
  return useMemo(() => {
    const number = new Intl.NumberFormat(i18n.language);
    const codeText = (column: string, value: string) => codeLabel(column, value, reportLanguage(i18n.language));
    const columnOf = (column: ReportColumn): GridColDef<PreviewRow> => {
      const headerName = columnLabel(report, section.id, column.key, say);
      const value = (row: PreviewRow) => row[column.key] ?? null;
      switch (column.kind) {
        case 'amount': {
          const built = amountColumn({
            field: column.key,
            headerName,
            rows,
            amountOf: (row) => ({ minor: Number(value(row) ?? 0), currency: String(row[column.currencyKey ?? 'currency'] ?? '') }),
            strong: column.key === 'balance',
          });
          // A row without the amount (a heading row, a missing figure) shows nothing rather than a zero.
          const render = built.renderCell;
          return { ...built, renderCell: (params) => (value(params.row) === null ? null : render?.(params)) };
        }
        case 'integer':
          return { field: column.key, headerName, type: 'number', width: 110, valueGetter: (_v, row) => value(row), valueFormatter: (v: number | null) => (v === null ? '' : number.format(v)) };
        case 'dateTime':
          return dateTimeColumn<PreviewRow>(column.key, headerName, { width: 180 }, (row) => (value(row) === null ? null : String(value(row))));
        case 'hash':
          return { field: column.key, headerName, width: 200, sortable: false, renderCell: ({ row }) => (value(row) === null ? null : <HashText value={String(value(row))} label={headerName} keep={6} />) };
        case 'code': {
          const shown = (row: PreviewRow) => (value(row) === null ? '' : codeText(column.key, String(value(row))));
          return {
            field: column.key,
            headerName,
            width: codeWidth(rows.map(shown), headerName),
            valueGetter: (_v, row) => shown(row),
            renderCell: ({ value: text }) => <CutText text={String(text ?? '')} />,
          };
        }
        case 'text':
          return { field: column.key, headerName, minWidth: Math.max(140, labelWidth(headerName)), flex: 1, valueGetter: (_v, row) => value(row) ?? '', renderCell: ({ value: shown }) => <CutText text={String(shown ?? '')} /> };
      }
    };
    return section.columns.map(columnOf);
  }, [report, section, rows, say, amountColumn, i18n]);
}
