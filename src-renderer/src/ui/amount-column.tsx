import { useCallback } from 'react';
import { useTheme } from '@mui/material';
import type { GridColDef, GridValidRowModel } from '@mui/x-data-grid';
import { Money, useFormatMoney } from './Money';

// An amount is never cut off (issue 8, defect 3). A grid's amount column is as wide as the widest
// amount on its page, measured in the grid's own font, and never narrower than a large realistic
// one, so that paging does not make it jump. The grid's text columns flex and shrink around it.

export interface AmountOf {
  minor: number;
  currency: string;
  /** As <Money>: a plus for money arriving, a minus for money leaving. */
  direction?: 'in' | 'out';
}

/** Amounts up to CN¥9,999,999.99 keep the column's width from page to page. */
const STEADY_UP_TO = 999_999_999;
/** A DataGrid cell's padding (10 px a side), and room for the font to round differently than measured. */
const CELL_ROOM = 2 * 10 + 6;
/** The header's menu and sort icons take their room beside its title. */
const HEADER_ICONS = 56;

let measuring: CanvasRenderingContext2D | null = null;

function textWidth(text: string, font: string): number {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return text.length * 10;
  measuring.font = font;
  return measuring.measureText(text).width;
}

export interface AmountColumnSpec<R extends GridValidRowModel> {
  field: string;
  headerName: string;
  /** The rows the grid shows now: the column is made as wide as the widest of them. */
  rows: readonly R[];
  amountOf: (row: R) => AmountOf;
  /** Set in medium weight, as a balance that closes a row. */
  strong?: boolean;
}

/** Builds right-aligned, tabular amount columns that are wide enough for every amount on the page. */
export function useAmountColumn() {
  const theme = useTheme();
  const format = useFormatMoney();
  return useCallback(
    <R extends GridValidRowModel>({ field, headerName, rows, amountOf, strong }: AmountColumnSpec<R>): GridColDef<R> => {
      // Measured in the medium weight whatever the column uses: never narrower than the text.
      const font = `${theme.typography.fontWeightMedium} ${theme.typography.fontSize}px ${theme.typography.fontFamily}`;
      const sign = (amount: AmountOf) => (amount.direction === 'in' ? '+' : amount.direction === 'out' ? '−' : '');
      const texts = rows.map((row) => {
        const amount = amountOf(row);
        return `${sign(amount)}${format(amount.minor, amount.currency)}`;
      });
      const first = rows[0] ? amountOf(rows[0]) : { minor: 0, currency: 'CNY' };
      texts.push(`${sign(first)}${format(STEADY_UP_TO, first.currency)}`);
      const width = Math.ceil(Math.max(textWidth(headerName, font) + HEADER_ICONS, ...texts.map((text) => textWidth(text, font) + CELL_ROOM)));
      return {
        field,
        headerName,
        type: 'number',
        width,
        minWidth: width,
        align: 'right',
        headerAlign: 'right',
        valueGetter: (_value, row) => amountOf(row).minor,
        renderCell: ({ row }) => {
          const amount = amountOf(row);
          return <Money minor={amount.minor} currency={amount.currency} direction={amount.direction} sx={strong ? { fontWeight: 500 } : undefined} />;
        },
      };
    },
    [theme, format],
  );
}
